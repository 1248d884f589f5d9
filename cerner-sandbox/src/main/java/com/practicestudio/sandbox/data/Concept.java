package com.practicestudio.sandbox.data;

/** A code from a standard terminology (LOINC, SNOMED CT, CDC race, BCP-47, ...). */
public record Concept(String system, String code, String display) {

  public static final String LOINC = "http://loinc.org";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String UCUM = "http://unitsofmeasure.org";
  public static final String CDC_RACE = "urn:oid:2.16.840.1.113883.6.238";
  public static final String BCP47 = "urn:ietf:bcp:47";
  public static final String NUCC = "http://nucc.org/provider-taxonomy";

  public static Concept loinc(String code, String display) {
    return new Concept(LOINC, code, display);
  }
}
