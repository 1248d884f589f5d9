package com.practicestudio.sandbox.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** Whose data a resource is (the patient id), or null when it is not patient data. */
final class PatientCompartment {

  private PatientCompartment() {}

  static String patientOf(IBaseResource resource) {
    if (resource instanceof Patient patient) {
      return patient.getIdElement().getIdPart();
    }
    if (resource instanceof Observation observation) {
      return id(observation.getSubject());
    }
    if (resource instanceof Encounter encounter) {
      return id(encounter.getSubject());
    }
    if (resource instanceof DocumentReference document) {
      return id(document.getSubject());
    }
    if (resource instanceof Binary binary) {
      return id(binary.getSecurityContext());
    }
    if (resource instanceof Appointment appointment) {
      return appointment.getParticipant().stream()
          .map(p -> Ids.referenceId(p.getActor().getReference(), "Patient"))
          .filter(java.util.Objects::nonNull)
          .findFirst()
          .orElse(null);
    }
    return null;
  }

  private static String id(Reference reference) {
    return Ids.referenceId(reference.getReference(), "Patient");
  }
}
