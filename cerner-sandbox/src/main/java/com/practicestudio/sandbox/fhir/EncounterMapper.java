package com.practicestudio.sandbox.fhir;

import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.MillenniumCodes;
import com.practicestudio.sandbox.data.SandboxIdentifiers;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/** ENCOUNTER → Encounter, the FIN as an identifier typed "FIN NBR" (v2-0203 AN). */
public final class EncounterMapper {

  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final String PARTICIPATION =
      "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

  private final CernerCodes codes;

  public EncounterMapper(CernerCodes codes) {
    this.codes = codes;
  }

  public Encounter toFhir(EncounterRecord record) {
    Encounter encounter = new Encounter();
    encounter.setId(Long.toString(record.encounterId()));
    encounter.getMeta().setVersionId("1").setLastUpdated(Date.from(record.lastUpdated()));
    encounter.addIdentifier(
        new Identifier()
            .setUse(Identifier.IdentifierUse.USUAL)
            .setType(codes.identifierType(MillenniumCodes.FIN_NBR, "AN", "Account number"))
            .setSystem(SandboxIdentifiers.FIN_SYSTEM)
            .setValue(record.fin()));
    encounter.setStatus(Encounter.EncounterStatus.fromCode(record.status()));
    encounter.setClass_(
        new Coding(
            ACT_CODE,
            record.encounterClass(),
            "AMB".equals(record.encounterClass()) ? "ambulatory" : "emergency"));
    encounter.addType(codes.concept(record.type()));
    encounter.setSubject(new Reference("Patient/" + record.patientId()));
    encounter
        .addParticipant()
        .addType(
            new CodeableConcept(new Coding(PARTICIPATION, "ATND", "attender")).setText("Attending"))
        .setIndividual(new Reference("Practitioner/" + record.providerId()));
    encounter.setPeriod(
        new Period().setStart(Date.from(record.start())).setEnd(Date.from(record.end())));
    encounter.addLocation().setLocation(new Reference("Location/" + record.locationId()));
    return encounter;
  }
}
