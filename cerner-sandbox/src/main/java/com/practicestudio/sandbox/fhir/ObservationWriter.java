package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.practicestudio.sandbox.data.Concept;
import com.practicestudio.sandbox.data.ObservationRecord;
import com.practicestudio.sandbox.data.Quantity;
import com.practicestudio.sandbox.data.SandboxData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;

/**
 * Checks an Observation create as Cerner does (category vital-signs or laboratory, status final,
 * amended or corrected, a Patient subject, a coded code, a dated effective time, a quantity value
 * or components) and turns it into a record. Violations answer 422.
 */
final class ObservationWriter {

  private static final Set<String> CATEGORIES = Set.of("vital-signs", "laboratory");
  private static final Set<String> STATUSES = Set.of("final", "amended", "corrected");

  private final SandboxData data;

  ObservationWriter(SandboxData data) {
    this.data = data;
  }

  ObservationRecord toRecord(Observation body) {
    String category = category(body);
    if (body.getStatus() == null || !STATUSES.contains(body.getStatus().toCode())) {
      throw new UnprocessableEntityException(
          "Observation.status must be final, amended or corrected");
    }
    long patientId = patient(body);
    if (!body.getCode().hasCoding()) {
      throw new UnprocessableEntityException("Observation.code must have a coding");
    }
    Coding code = body.getCode().getCodingFirstRep();
    if (!body.hasEffectiveDateTimeType() || !body.getEffectiveDateTimeType().hasTime()) {
      throw new UnprocessableEntityException(
          "Observation.effectiveDateTime is required, with a time");
    }
    Instant effective = body.getEffectiveDateTimeType().getValue().toInstant();
    Quantity value = body.hasValueQuantity() ? quantity(body.getValueQuantity()) : null;
    List<ObservationRecord.Component> components = new ArrayList<>();
    for (Observation.ObservationComponentComponent component : body.getComponent()) {
      if (!component.hasValueQuantity() || !component.getCode().hasCoding()) {
        throw new UnprocessableEntityException(
            "Observation.component needs a coded code and a valueQuantity");
      }
      components.add(
          new ObservationRecord.Component(
              concept(component.getCode()), quantity(component.getValueQuantity())));
    }
    if (value == null && components.isEmpty()) {
      throw new UnprocessableEntityException(
          "Observation needs a valueQuantity or quantity components");
    }
    Long encounterId = encounter(body);
    return new ObservationRecord(
        data.nextId(),
        patientId,
        encounterId,
        category,
        body.getStatus().toCode(),
        new Concept(code.getSystem(), code.getCode(), display(body.getCode())),
        value,
        components,
        effective,
        body.hasIssued() ? body.getIssued().toInstant() : effective,
        null,
        null,
        null,
        1);
  }

  private static String category(Observation body) {
    if (body.getCategory().size() != 1) {
      throw new UnprocessableEntityException("Observation.category must have exactly one entry");
    }
    for (Coding coding : body.getCategoryFirstRep().getCoding()) {
      if (ObservationMapper.CATEGORY_SYSTEM.equals(coding.getSystem())
          && CATEGORIES.contains(coding.getCode())) {
        return coding.getCode();
      }
    }
    throw new UnprocessableEntityException(
        "Observation.category must be vital-signs or laboratory");
  }

  private long patient(Observation body) {
    String id = Ids.referenceId(body.getSubject().getReference(), "Patient");
    Long patientId = id == null ? null : Ids.numericOrNull(id);
    if (patientId == null || data.patient(patientId).isEmpty()) {
      throw new UnprocessableEntityException("Observation.subject must reference a known Patient");
    }
    return patientId;
  }

  private Long encounter(Observation body) {
    if (!body.hasEncounter()) {
      return null;
    }
    String id = Ids.referenceId(body.getEncounter().getReference(), "Encounter");
    Long encounterId = id == null ? null : Ids.numericOrNull(id);
    if (encounterId == null || data.encounter(encounterId).isEmpty()) {
      throw new UnprocessableEntityException(
          "Observation.encounter must reference a known Encounter");
    }
    return encounterId;
  }

  private static Quantity quantity(org.hl7.fhir.r4.model.Quantity source) {
    if (!source.hasValue() || !source.hasCode()) {
      throw new UnprocessableEntityException("A valueQuantity needs a value and a UCUM code");
    }
    String unit = source.hasUnit() ? source.getUnit() : source.getCode();
    return new Quantity(source.getValue(), unit, source.getCode());
  }

  private static Concept concept(CodeableConcept concept) {
    Coding coding = concept.getCodingFirstRep();
    return new Concept(coding.getSystem(), coding.getCode(), display(concept));
  }

  private static String display(CodeableConcept concept) {
    if (concept.hasText()) {
      return concept.getText();
    }
    Coding coding = concept.getCodingFirstRep();
    return coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
  }
}
