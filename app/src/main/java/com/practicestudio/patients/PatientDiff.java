package com.practicestudio.patients;

import com.practicestudio.contact.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which fields differ between two versions of a patient, named as in the JSON. Walks the record
 * components, so a field added to {@link PatientData} is compared without touching this class.
 */
final class PatientDiff {

  private static final RecordShape<PatientData> PATIENT = RecordShape.of(PatientData.class);
  private static final RecordShape<Address> ADDRESS = RecordShape.of(Address.class);

  private PatientDiff() {}

  static List<FieldChange> between(PatientData before, PatientData after) {
    List<FieldChange> changes = new ArrayList<>();
    for (int i = 0; i < PATIENT.size(); i++) {
      Object b = PATIENT.get(i, before);
      Object a = PATIENT.get(i, after);
      if (Objects.equals(b, a)) {
        continue;
      }
      String name = PATIENT.names().get(i);
      switch (name) {
        case "address" -> addressChanges((Address) b, (Address) a, changes);
        case "ssn" -> changes.add(new FieldChange("ssn", mask((String) b), mask((String) a)));
        default -> changes.add(new FieldChange(name, b, a));
      }
    }
    return changes;
  }

  /** Every field a new patient sets, as changes from nothing. */
  static List<FieldChange> created(PatientData data) {
    PatientData empty =
        new PatientData(
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            data.active(),
            List.of());
    return between(empty, data);
  }

  private static void addressChanges(Address before, Address after, List<FieldChange> changes) {
    Address none = new Address(null, null, null, null, null, null);
    Address b = before == null ? none : before;
    Address a = after == null ? none : after;
    for (int i = 0; i < ADDRESS.size(); i++) {
      Object bv = ADDRESS.get(i, b);
      Object av = ADDRESS.get(i, a);
      if (!Objects.equals(bv, av)) {
        changes.add(new FieldChange("address." + ADDRESS.names().get(i), bv, av));
      }
    }
  }

  private static String mask(String ssn) {
    return ssn == null ? null : "***-**-" + ssn.substring(ssn.length() - 4);
  }
}
