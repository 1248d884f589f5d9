package com.practicestudio.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/** Reads an Observation's value and reference range as Practice Studio keeps them: text. */
final class ObservationValues {

  private ObservationValues() {}

  /** {value, unit}: a quantity's value and UCUM code; components as {@code 120/80}; or text. */
  static String[] read(Observation fhir) {
    if (fhir.hasValueQuantity()) {
      Quantity q = fhir.getValueQuantity();
      return new String[] {number(q.getValue()), unit(q)};
    }
    if (fhir.hasValueStringType()) {
      return new String[] {fhir.getValueStringType().getValue(), null};
    }
    if (fhir.hasValueCodeableConcept()) {
      return new String[] {Concepts.text(fhir.getValueCodeableConcept()), null};
    }
    if (fhir.hasValue() && fhir.getValue().isPrimitive()) {
      return new String[] {fhir.getValue().primitiveValue(), null};
    }
    List<String> parts = new ArrayList<>();
    String unit = null;
    for (Observation.ObservationComponentComponent component : fhir.getComponent()) {
      if (component.hasValueQuantity()) {
        parts.add(number(component.getValueQuantity().getValue()));
        unit = unit == null ? unit(component.getValueQuantity()) : unit;
      }
    }
    return parts.isEmpty()
        ? new String[] {null, null}
        : new String[] {String.join("/", parts), unit};
  }

  /** {@code 70-99}, {@code <5}, {@code >10}, or the range's text; null without one. */
  static String range(Observation fhir) {
    if (!fhir.hasReferenceRange()) {
      return null;
    }
    Observation.ObservationReferenceRangeComponent range = fhir.getReferenceRangeFirstRep();
    if (range.hasText()) {
      return range.getText();
    }
    String low =
        range.hasLow() && range.getLow().hasValue() ? number(range.getLow().getValue()) : null;
    String high =
        range.hasHigh() && range.getHigh().hasValue() ? number(range.getHigh().getValue()) : null;
    if (low != null && high != null) {
      return low + "-" + high;
    }
    if (high != null) {
      return "<" + high;
    }
    return low == null ? null : ">" + low;
  }

  private static String unit(Quantity q) {
    if (FhirSystems.UCUM.equals(q.getSystem()) && q.hasCode()) {
      return q.getCode();
    }
    return q.hasUnit() ? q.getUnit() : q.getCode();
  }

  private static String number(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
