package com.practicestudio.fhir;

/**
 * A record and a resource do not fit each other. The message names the field and the rule (no PHI
 * values), prefixed with the stable code.
 */
public class FhirMappingException extends RuntimeException {

  private final FhirError error;
  private final String field;

  public FhirMappingException(FhirError error, String field, String detail) {
    super(error.code() + " " + field + ": " + detail);
    this.error = error;
    this.field = field;
  }

  public FhirError error() {
    return error;
  }

  public String field() {
    return field;
  }
}
