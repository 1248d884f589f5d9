package com.practicestudio.sandbox.fhir;

import com.practicestudio.sandbox.data.Concept;
import com.practicestudio.sandbox.data.ObservationRecord;
import com.practicestudio.sandbox.data.Quantity;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;

/** Clinical events (vital signs, lab results) → Observation. */
public final class ObservationMapper {

  public static final String CATEGORY_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  private static final String INTERPRETATION =
      "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

  public Observation toFhir(ObservationRecord record) {
    Observation observation = new Observation();
    observation.setId(Long.toString(record.observationId()));
    observation.getMeta().setVersionId(Integer.toString(record.version()));
    observation.getMeta().setLastUpdated(Date.from(record.issued()));
    observation.setStatus(Observation.ObservationStatus.fromCode(record.status()));
    boolean vital = "vital-signs".equals(record.category());
    observation.addCategory(
        new CodeableConcept(
                new Coding(
                    CATEGORY_SYSTEM, record.category(), vital ? "Vital Signs" : "Laboratory"))
            .setText(vital ? "Vital Signs" : "Laboratory"));
    observation.setCode(concept(record.code()));
    observation.setSubject(new Reference("Patient/" + record.patientId()));
    if (record.encounterId() != null) {
      observation.setEncounter(new Reference("Encounter/" + record.encounterId()));
    }
    observation.setEffective(new DateTimeType(Date.from(record.effective())));
    observation.setIssuedElement(new InstantType(Date.from(record.issued())));
    if (record.value() != null) {
      observation.setValue(quantity(record.value()));
    }
    for (ObservationRecord.Component component : record.components()) {
      observation
          .addComponent()
          .setCode(concept(component.code()))
          .setValue(quantity(component.value()));
    }
    if (record.interpretation() != null) {
      observation.addInterpretation(
          new CodeableConcept(
              new Coding(INTERPRETATION, record.interpretation(), display(record))));
    }
    if (record.low() != null || record.high() != null) {
      Observation.ObservationReferenceRangeComponent range = observation.addReferenceRange();
      if (record.low() != null) {
        range.setLow(simple(record.low()));
      }
      if (record.high() != null) {
        range.setHigh(simple(record.high()));
      }
    }
    return observation;
  }

  static CodeableConcept concept(Concept concept) {
    return new CodeableConcept(CernerCodes.coding(concept)).setText(concept.display());
  }

  static org.hl7.fhir.r4.model.Quantity quantity(Quantity value) {
    return new org.hl7.fhir.r4.model.Quantity()
        .setValue(value.value())
        .setUnit(value.unit())
        .setSystem(com.practicestudio.sandbox.data.Concept.UCUM)
        .setCode(value.ucum());
  }

  private static SimpleQuantity simple(Quantity value) {
    SimpleQuantity quantity = new SimpleQuantity();
    quantity.setValue(value.value()).setUnit(value.unit());
    quantity.setSystem(com.practicestudio.sandbox.data.Concept.UCUM).setCode(value.ucum());
    return quantity;
  }

  private static String display(ObservationRecord record) {
    return switch (record.interpretation()) {
      case "H" -> "High";
      case "L" -> "Low";
      default -> "Normal";
    };
  }
}
