package com.practicestudio.fhir;

import com.practicestudio.clinical.Observation;
import com.practicestudio.clinical.ObservationDraft;
import com.practicestudio.clinical.UcumUnits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;

/**
 * Observations both ways. What we send is what Cerner's create takes: category {@code vital-signs}
 * or {@code laboratory}, status final/amended/corrected, the LOINC code, the Patient subject, an
 * effective time, and a UCUM {@code valueQuantity} (a blood pressure {@code 120/80} as systolic and
 * diastolic components); a lab result also carries its reference range and interpretation. What we
 * read becomes an observation draft: the quantity's value and UCUM unit, the reference range as
 * text, the interpretation as the abnormal flag. Pure: no I/O.
 */
public final class ObservationMapper {

  private static final Pattern RANGE =
      Pattern.compile("\\s*([-+]?\\d*\\.?\\d+)\\s*(?:-|–|to)\\s*([-+]?\\d*\\.?\\d+)\\s*");
  private static final Pattern ONE_SIDED =
      Pattern.compile("\\s*([<>])=?\\s*([-+]?\\d*\\.?\\d+)\\s*");
  private static final Pattern PRESSURE =
      Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)\\s*");
  private static final Map<String, String> INTERPRETATIONS =
      Map.of(
          "H", "High",
          "L", "Low",
          "HH", "Critical high",
          "LL", "Critical low",
          "A", "Abnormal",
          "AA", "Critical abnormal",
          "N", "Normal");

  // ---- Practice Studio → Cerner

  /**
   * The resource that writes {@code observation} to Cerner.
   *
   * @param patientFhirId the patient's Cerner id
   * @param encounterFhirId the encounter's Cerner id, or null
   * @throws FhirMappingException when Cerner would refuse it (category, status, value)
   */
  public org.hl7.fhir.r4.model.Observation toFhir(
      Observation observation, String patientFhirId, String encounterFhirId) {
    var fhir = new org.hl7.fhir.r4.model.Observation();
    fhir.setStatus(status(observation.status()));
    fhir.addCategory(category(observation.category()));
    String display = display(observation);
    fhir.setCode(
        new CodeableConcept(new Coding(observation.codeSystem(), observation.code(), display))
            .setText(display));
    fhir.setSubject(new Reference("Patient/" + patientFhirId));
    if (encounterFhirId != null) {
      fhir.setEncounter(new Reference("Encounter/" + encounterFhirId));
    }
    fhir.setEffective(new DateTimeType(Date.from(observation.effectiveTime())));
    if (observation.issuedTime() != null) {
      fhir.setIssuedElement(new InstantType(Date.from(observation.issuedTime())));
    }
    value(observation, fhir);
    if (observation.abnormalFlag() != null) {
      String flag = observation.abnormalFlag().strip();
      if (INTERPRETATIONS.containsKey(flag)) {
        fhir.addInterpretation(
            new CodeableConcept(
                new Coding(FhirSystems.INTERPRETATION, flag, INTERPRETATIONS.get(flag))));
      }
    }
    if (observation.referenceRange() != null && !"vital-signs".equals(observation.category())) {
      fhir.addReferenceRange(range(observation.referenceRange(), observation.unit()));
    }
    return fhir;
  }

  private static org.hl7.fhir.r4.model.Observation.ObservationStatus status(String status) {
    if (!List.of("final", "amended", "corrected").contains(status)) {
      throw new FhirMappingException(
          FhirError.UNMAPPABLE, "status", "must be final, amended or corrected");
    }
    return org.hl7.fhir.r4.model.Observation.ObservationStatus.fromCode(status);
  }

  private static CodeableConcept category(String category) {
    String display =
        switch (category) {
          case "vital-signs" -> "Vital Signs";
          case "laboratory" -> "Laboratory";
          default ->
              throw new FhirMappingException(
                  FhirError.UNMAPPABLE, "category", "must be vital-signs or laboratory");
        };
    return new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, category, display))
        .setText(display);
  }

  private static String display(Observation observation) {
    if (observation.display() != null) {
      return observation.display();
    }
    return FhirSystems.LOINC.equals(observation.codeSystem())
        ? Ucum.VITAL_SIGNS.get(observation.code())
        : null;
  }

  private static void value(Observation observation, org.hl7.fhir.r4.model.Observation fhir) {
    String unit = UcumUnits.code(observation.unit()).orElse(null);
    if (Ucum.BLOOD_PRESSURE_PANEL.equals(observation.code()) && observation.value() != null) {
      Matcher m = PRESSURE.matcher(observation.value());
      if (!m.matches()) {
        throw new FhirMappingException(
            FhirError.UNMAPPABLE, "value", "a blood pressure must read systolic/diastolic");
      }
      String mmHg = unit == null ? "mm[Hg]" : unit;
      component(fhir, Ucum.SYSTOLIC, new BigDecimal(m.group(1)), mmHg);
      component(fhir, Ucum.DIASTOLIC, new BigDecimal(m.group(2)), mmHg);
      return;
    }
    if (observation.valueNumeric() == null || unit == null) {
      throw new FhirMappingException(
          FhirError.UNMAPPABLE, "value", "must be a number with a unit to send to Cerner");
    }
    fhir.setValue(quantity(observation.valueNumeric(), observation.unit(), unit));
  }

  private static void component(
      org.hl7.fhir.r4.model.Observation fhir, String loinc, BigDecimal value, String unit) {
    String display = Ucum.VITAL_SIGNS.get(loinc);
    fhir.addComponent()
        .setCode(
            new CodeableConcept(new Coding(FhirSystems.LOINC, loinc, display)).setText(display))
        .setValue(quantity(value, unit, unit));
  }

  private static Quantity quantity(BigDecimal value, String unit, String ucum) {
    return new Quantity()
        .setValue(value)
        .setUnit(unit == null ? ucum : unit)
        .setSystem(FhirSystems.UCUM)
        .setCode(ucum);
  }

  private static org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent range(
      String text, String unit) {
    var range = new org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent();
    String ucum = UcumUnits.code(unit).orElse(null);
    Matcher both = RANGE.matcher(text);
    Matcher one = ONE_SIDED.matcher(text);
    if (ucum != null && both.matches()) {
      range.setLow(simple(new BigDecimal(both.group(1)), unit, ucum));
      range.setHigh(simple(new BigDecimal(both.group(2)), unit, ucum));
    } else if (ucum != null && one.matches()) {
      SimpleQuantity bound = simple(new BigDecimal(one.group(2)), unit, ucum);
      if ("<".equals(one.group(1))) {
        range.setHigh(bound);
      } else {
        range.setLow(bound);
      }
    } else {
      range.setText(text);
    }
    return range;
  }

  private static SimpleQuantity simple(BigDecimal value, String unit, String ucum) {
    SimpleQuantity quantity = new SimpleQuantity();
    quantity.setValue(value).setUnit(unit).setSystem(FhirSystems.UCUM).setCode(ucum);
    return quantity;
  }

  // ---- Cerner → Practice Studio

  /** The draft of an observation Cerner holds (not to be sent back: {@code sendToCerner} false). */
  public ObservationDraft toDraft(
      org.hl7.fhir.r4.model.Observation fhir, CernerReferences references) {
    String patient =
        CernerReferences.idOf(fhir.getSubject(), "Patient")
            .orElseThrow(
                () ->
                    new FhirMappingException(
                        FhirError.INCOMPLETE, "Observation.subject", "must reference a Patient"));
    Long patientId =
        references
            .patient(patient)
            .orElseThrow(
                () ->
                    new FhirMappingException(
                        FhirError.UNKNOWN_REFERENCE,
                        "Observation.subject",
                        "the patient is not linked"));
    Coding code =
        Concepts.coding(fhir.getCode(), FhirSystems.LOINC)
            .orElse(fhir.getCode().getCodingFirstRep());
    if (!code.hasCode()) {
      throw new FhirMappingException(FhirError.INCOMPLETE, "Observation.code", "needs a coding");
    }
    String[] value = ObservationValues.read(fhir);
    return new ObservationDraft(
        fhir.getIdElement().getIdPart(),
        patientId,
        CernerReferences.idOf(fhir.getEncounter(), "Encounter")
            .flatMap(references::encounter)
            .orElse(null),
        category(fhir),
        code.getCode(),
        code.getSystem(),
        Concepts.text(fhir.getCode()),
        value[0],
        value[1],
        ObservationValues.range(fhir),
        fhir.getInterpretation().stream()
            .map(i -> Concepts.coding(i, FhirSystems.INTERPRETATION))
            .flatMap(Optional::stream)
            .map(Coding::getCode)
            .findFirst()
            .orElse(null),
        fhir.hasStatus() ? fhir.getStatus().toCode() : null,
        effective(fhir),
        fhir.hasIssued() ? fhir.getIssued().toInstant() : null,
        fhir.getPerformer().stream()
            .map(p -> CernerReferences.idOf(p, "Practitioner"))
            .flatMap(Optional::stream)
            .findFirst()
            .flatMap(references::provider)
            .orElse(null),
        notes(fhir.getNote()),
        null,
        null,
        false,
        null);
  }

  private static String category(org.hl7.fhir.r4.model.Observation fhir) {
    return fhir.getCategory().stream()
        .map(c -> Concepts.coding(c, FhirSystems.OBSERVATION_CATEGORY))
        .flatMap(Optional::stream)
        .map(Coding::getCode)
        .findFirst()
        .orElseThrow(
            () ->
                new FhirMappingException(
                    FhirError.INCOMPLETE, "Observation.category", "needs an observation-category"));
  }

  private static Instant effective(org.hl7.fhir.r4.model.Observation fhir) {
    if (fhir.hasEffectiveDateTimeType()) {
      return fhir.getEffectiveDateTimeType().getValue().toInstant();
    }
    if (fhir.hasEffectivePeriod() && fhir.getEffectivePeriod().hasStart()) {
      return fhir.getEffectivePeriod().getStart().toInstant();
    }
    if (fhir.hasEffectiveInstantType()) {
      return fhir.getEffectiveInstantType().getValue().toInstant();
    }
    if (fhir.hasIssued()) {
      return fhir.getIssued().toInstant();
    }
    throw new FhirMappingException(FhirError.INCOMPLETE, "Observation.effective", "is required");
  }

  private static String notes(List<Annotation> notes) {
    List<String> texts =
        notes.stream().filter(Annotation::hasText).map(Annotation::getText).toList();
    return texts.isEmpty() ? null : String.join("\n", texts);
  }
}
