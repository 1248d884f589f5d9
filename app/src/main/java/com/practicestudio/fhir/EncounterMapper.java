package com.practicestudio.fhir;

import com.practicestudio.clinical.EncounterDraft;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;

/**
 * Cerner Encounter → encounter: the FIN (identifier typed v2-0203 {@code AN}, Cerner's "FIN NBR")
 * with its alias pool as assigning authority (as the code maps name it), class (v3 ActCode spelled
 * out), status, period, location and attending practitioner. Pure: references are resolved through
 * {@link CernerReferences}.
 */
public final class EncounterMapper {

  /** v3 ActCode encounter classes → Practice Studio's. */
  static final Map<String, String> CLASSES =
      Map.ofEntries(
          Map.entry("AMB", "ambulatory"),
          Map.entry("IMP", "inpatient"),
          Map.entry("ACUTE", "inpatient"),
          Map.entry("NONAC", "inpatient"),
          Map.entry("EMER", "emergency"),
          Map.entry("OBSENC", "observation"),
          Map.entry("SS", "observation"),
          Map.entry("PRENC", "preadmit"),
          Map.entry("HH", "home-health"),
          Map.entry("VR", "virtual"),
          Map.entry("FLD", "outpatient"));

  private static final String FIN_TEXT = "FIN NBR";

  private final CodeTranslator codes;

  public EncounterMapper(CodeTranslator codes) {
    this.codes = codes;
  }

  public EncounterDraft toDraft(Encounter encounter, CernerReferences references) {
    String id = encounter.getIdElement().getIdPart();
    String patientRef =
        CernerReferences.idOf(encounter.getSubject(), "Patient")
            .orElseThrow(
                () ->
                    new FhirMappingException(
                        FhirError.INCOMPLETE, "Encounter.subject", "must reference a Patient"));
    Long patientId =
        references
            .patient(patientRef)
            .orElseThrow(
                () ->
                    new FhirMappingException(
                        FhirError.UNKNOWN_REFERENCE,
                        "Encounter.subject",
                        "the patient is not linked"));
    Optional<Identifier> fin = fin(encounter);
    return new EncounterDraft(
        id,
        patientId,
        fin.map(Identifier::getValue).orElse(null),
        fin.map(codes::assigningAuthority).orElse(null),
        null,
        encounterClass(encounter.getClass_()),
        encounter.hasStatus() ? encounter.getStatus().toCode() : null,
        encounter.getLocation().stream()
            .map(l -> CernerReferences.idOf(l.getLocation(), "Location"))
            .flatMap(Optional::stream)
            .findFirst()
            .flatMap(references::location)
            .orElse(null),
        attending(encounter).flatMap(references::provider).orElse(null),
        encounter.getPeriod().hasStart() ? encounter.getPeriod().getStart().toInstant() : null,
        encounter.getPeriod().hasEnd() ? encounter.getPeriod().getEnd().toInstant() : null,
        encounter.getReasonCode().stream()
            .map(Concepts::text)
            .filter(t -> t != null)
            .findFirst()
            .orElse(null),
        null);
  }

  /** The FIN: typed v2-0203 {@code AN}, or by Cerner's alias type text "FIN NBR". */
  public static Optional<Identifier> fin(Encounter encounter) {
    return encounter.getIdentifier().stream()
        .filter(Identifier::hasValue)
        .filter(
            i ->
                Concepts.coding(i.getType(), FhirSystems.V2_0203)
                        .map(c -> "AN".equals(c.getCode()))
                        .orElse(false)
                    || FIN_TEXT.equalsIgnoreCase(Concepts.text(i.getType())))
        .findFirst();
  }

  static String encounterClass(Coding coding) {
    if (coding == null || !coding.hasCode()) {
      return null;
    }
    return CLASSES.getOrDefault(coding.getCode(), "unknown");
  }

  private static Optional<String> attending(Encounter encounter) {
    Optional<String> attending =
        encounter.getParticipant().stream()
            .filter(
                p ->
                    p.getType().stream()
                        .anyMatch(
                            t ->
                                Concepts.coding(t, FhirSystems.PARTICIPATION_TYPE)
                                    .map(c -> "ATND".equals(c.getCode()))
                                    .orElse(false)))
            .map(p -> CernerReferences.idOf(p.getIndividual(), "Practitioner"))
            .flatMap(Optional::stream)
            .findFirst();
    if (attending.isPresent()) {
      return attending;
    }
    return encounter.getParticipant().stream()
        .map(p -> CernerReferences.idOf(p.getIndividual(), "Practitioner"))
        .flatMap(Optional::stream)
        .findFirst();
  }
}
