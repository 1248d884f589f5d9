package com.practicestudio.fhir;

import java.util.Map;

/**
 * The LOINC vital signs FHIR R4 names, with their display text. Cerner takes vital signs only with
 * their UCUM code (e.g. body height 8302-2 in {@code cm} or {@code [in_i]}); units as written
 * become UCUM codes through {@link com.practicestudio.clinical.UcumUnits}.
 */
final class Ucum {

  /** LOINC codes of the R4 vital signs profiles → display. */
  static final Map<String, String> VITAL_SIGNS =
      Map.ofEntries(
          Map.entry("85353-1", "Vital signs panel"),
          Map.entry("9279-1", "Respiratory rate"),
          Map.entry("8867-4", "Heart rate"),
          Map.entry("2708-6", "Oxygen saturation in Arterial blood"),
          Map.entry("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"),
          Map.entry("8310-5", "Body temperature"),
          Map.entry("8302-2", "Body height"),
          Map.entry("9843-4", "Head Occipital-frontal circumference"),
          Map.entry("29463-7", "Body weight"),
          Map.entry("39156-5", "Body mass index (BMI) [Ratio]"),
          Map.entry("85354-9", "Blood pressure panel with all children optional"),
          Map.entry("8480-6", "Systolic blood pressure"),
          Map.entry("8462-4", "Diastolic blood pressure"));

  static final String BLOOD_PRESSURE_PANEL = "85354-9";
  static final String SYSTOLIC = "8480-6";
  static final String DIASTOLIC = "8462-4";

  private Ucum() {}

  static boolean isVitalSign(String loinc) {
    return VITAL_SIGNS.containsKey(loinc);
  }
}
