package com.practicestudio.fhir;

import com.practicestudio.sandbox.CernerSandbox;
import java.time.ZoneId;
import java.util.Set;

/** A running sandbox as a Cerner domain endpoint. */
final class SandboxEndpoints {

  static final Set<String> ALL_SCOPES =
      Set.of(
          "system/Patient.read",
          "system/Practitioner.read",
          "system/Location.read",
          "system/Encounter.read",
          "system/Appointment.read",
          "system/Appointment.write",
          "system/Slot.read",
          "system/Slot.write",
          "system/Schedule.read",
          "system/Observation.read",
          "system/Observation.write",
          "system/DocumentReference.read",
          "system/DocumentReference.write",
          "system/Binary.read");

  private SandboxEndpoints() {}

  static FhirEndpoint of(CernerSandbox sandbox, long domainId) {
    return of(sandbox, domainId, ALL_SCOPES);
  }

  static FhirEndpoint of(CernerSandbox sandbox, long domainId, Set<String> scopes) {
    return new FhirEndpoint(
        domainId,
        "sandbox-" + domainId,
        sandbox.urls().fhirRoot(),
        scopes,
        ZoneId.of("America/Chicago"),
        null,
        sandbox.urls().millenniumBase(),
        true,
        true);
  }
}
