package com.practicestudio.patients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Upsert semantics on a stored patient: a field the input gives replaces the stored one, a field
 * named in {@code clear} is cleared, every other field stays. Identifiers are added to the stored
 * ones (never dropped by an upsert); coverages given replace the stored list.
 */
final class PatientOverlay {

  private static final RecordShape<PatientInput> INPUT = RecordShape.of(PatientInput.class);
  static final Set<String> FIELDS =
      INPUT.names().stream()
          .filter(n -> !n.equals("version"))
          .collect(Collectors.toUnmodifiableSet());

  private PatientOverlay() {}

  static PatientInput apply(PatientInput stored, PatientInput input, Set<String> clear) {
    for (String name : clear) {
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("not a patient field: " + name);
      }
    }
    Object[] values = new Object[INPUT.size()];
    for (int i = 0; i < values.length; i++) {
      String name = INPUT.names().get(i);
      Object given = INPUT.get(i, input);
      if (name.equals("identifiers")) {
        values[i] = union(stored.identifiers(), input.identifiers());
      } else if (given != null) {
        values[i] = given;
      } else if (clear.contains(name)) {
        values[i] = null;
      } else {
        values[i] = INPUT.get(i, stored);
      }
    }
    return INPUT.construct(values);
  }

  /** The input with one field set to null. */
  static PatientInput without(PatientInput input, String field) {
    Object[] values = new Object[INPUT.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = INPUT.names().get(i).equals(field) ? null : INPUT.get(i, input);
    }
    return INPUT.construct(values);
  }

  private static List<PatientIdentifier> union(
      List<PatientIdentifier> stored, List<PatientIdentifier> given) {
    Map<String, PatientIdentifier> byKey = new LinkedHashMap<>();
    List<PatientIdentifier> none = List.of();
    for (List<PatientIdentifier> list : List.of(stored, given == null ? none : given)) {
      for (PatientIdentifier id : list) {
        if (id != null && id.type() != null && id.value() != null) {
          byKey.put(PatientValidator.key(id), id);
        } else {
          byKey.put("invalid-" + byKey.size(), id); // left for the validator to report
        }
      }
    }
    return new ArrayList<>(byKey.values());
  }
}
