package com.practicestudio.patients;

import com.practicestudio.contact.Address;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which fields differ between two versions of a patient, named as in the JSON. Walks the record
 * components, so a field added to {@link PatientData} is compared without touching this class.
 */
final class PatientDiff {

  private PatientDiff() {}

  static List<FieldChange> between(PatientData before, PatientData after) {
    List<FieldChange> changes = new ArrayList<>();
    for (RecordComponent c : PatientData.class.getRecordComponents()) {
      Object b = get(c, before);
      Object a = get(c, after);
      if (Objects.equals(b, a)) {
        continue;
      }
      switch (c.getName()) {
        case "address" -> addressChanges((Address) b, (Address) a, changes);
        case "ssn" -> changes.add(new FieldChange("ssn", mask((String) b), mask((String) a)));
        default -> changes.add(new FieldChange(c.getName(), b, a));
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
    for (RecordComponent c : Address.class.getRecordComponents()) {
      Object bv = get(c, b);
      Object av = get(c, a);
      if (!Objects.equals(bv, av)) {
        changes.add(new FieldChange("address." + c.getName(), bv, av));
      }
    }
  }

  private static String mask(String ssn) {
    return ssn == null ? null : "***-**-" + ssn.substring(ssn.length() - 4);
  }

  private static Object get(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }
}
