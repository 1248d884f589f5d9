package com.practicestudio.patients;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
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

  private static final RecordComponent[] COMPONENTS = PatientInput.class.getRecordComponents();
  static final Set<String> FIELDS =
      Arrays.stream(COMPONENTS)
          .map(RecordComponent::getName)
          .filter(n -> !n.equals("version"))
          .collect(Collectors.toUnmodifiableSet());

  private PatientOverlay() {}

  static PatientInput apply(PatientInput stored, PatientInput input, Set<String> clear) {
    for (String name : clear) {
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("not a patient field: " + name);
      }
    }
    Object[] values = new Object[COMPONENTS.length];
    for (int i = 0; i < COMPONENTS.length; i++) {
      RecordComponent c = COMPONENTS[i];
      Object given = get(c, input);
      Object current = get(c, stored);
      if (c.getName().equals("identifiers")) {
        values[i] = union(stored.identifiers(), input.identifiers());
      } else if (given != null) {
        values[i] = given;
      } else if (clear.contains(c.getName())) {
        values[i] = null;
      } else {
        values[i] = current;
      }
    }
    return construct(values);
  }

  /** The input with one field set to null. */
  static PatientInput without(PatientInput input, String field) {
    Object[] values = new Object[COMPONENTS.length];
    for (int i = 0; i < COMPONENTS.length; i++) {
      values[i] = COMPONENTS[i].getName().equals(field) ? null : get(COMPONENTS[i], input);
    }
    return construct(values);
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

  private static Object get(RecordComponent c, PatientInput record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }

  private static PatientInput construct(Object[] values) {
    try {
      Class<?>[] types =
          Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class[]::new);
      Constructor<PatientInput> constructor = PatientInput.class.getDeclaredConstructor(types);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build a patient input", e);
    }
  }
}
