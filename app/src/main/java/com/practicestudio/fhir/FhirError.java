package com.practicestudio.fhir;

/** Stable error codes of the Cerner FHIR feature; texts name fields and codes, never PHI values. */
public enum FhirError {
  /** A record cannot be written as a resource Cerner accepts (e.g. a non-numeric vital sign). */
  UNMAPPABLE("FHIR-001", "cannot be sent to Cerner"),
  /** A resource Cerner sent lacks something Practice Studio needs (e.g. a Patient without id). */
  INCOMPLETE("FHIR-002", "is missing required data"),
  /** A reference names a Cerner resource Practice Studio does not know yet. */
  UNKNOWN_REFERENCE("FHIR-003", "references an unknown record"),
  /** Cerner answered with an OperationOutcome error (4xx other than those below). */
  REJECTED("FHIR-010", "was rejected by Cerner"),
  /** 401 after a fresh token. */
  UNAUTHORIZED("FHIR-011", "was not authorised by Cerner"),
  /** 403: a scope is missing or the tenant is wrong. */
  FORBIDDEN("FHIR-012", "is not allowed by the granted scopes or tenant"),
  /** 404. */
  NOT_FOUND("FHIR-013", "was not found in Cerner"),
  /** 409: a stale If-Match or a slot that is no longer free. */
  CONFLICT("FHIR-014", "conflicts with Cerner's current state"),
  /** 422: a business rule refused it. */
  UNPROCESSABLE("FHIR-015", "was refused by a Cerner business rule"),
  /** 429, 503, timeouts, dropped connections: try again. */
  UNAVAILABLE("FHIR-020", "Cerner is not reachable right now"),
  /** A Cerner domain is not configured or not enabled. */
  NO_DOMAIN("FHIR-030", "no such Cerner domain"),
  /** The patient is not linked to a Cerner patient. */
  NOT_LINKED("FHIR-031", "the patient is not linked to Cerner");

  private final String code;
  private final String meaning;

  FhirError(String code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public String code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
