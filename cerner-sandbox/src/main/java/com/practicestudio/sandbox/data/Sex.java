package com.practicestudio.sandbox.data;

/** Administrative sex as Millennium code set 57 holds it. */
public enum Sex {
  MALE("male", "M"),
  FEMALE("female", "F"),
  UNKNOWN("unknown", "UNK");

  private final String fhirGender;
  private final String birthSex;

  Sex(String fhirGender, String birthSex) {
    this.fhirGender = fhirGender;
    this.birthSex = birthSex;
  }

  /** The FHIR administrative-gender code. */
  public String fhirGender() {
    return fhirGender;
  }

  /** The US Core birth-sex code (M, F, UNK). */
  public String birthSex() {
    return birthSex;
  }
}
