package com.practicestudio.sandbox.data;

/**
 * A PERSON_ALIAS or ENCNTR_ALIAS row: an identifier of a type, in an alias pool ({@code system}, an
 * OID URI on the FHIR side).
 */
public record Alias(Type type, String system, String value) {

  /** The alias types the sandbox issues. */
  public enum Type {
    MRN,
    SSN,
    FIN
  }
}
