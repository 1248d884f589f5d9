package com.practicestudio.fhir;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * UCUM unit codes for the units people and older interfaces write ({@code bpm}, {@code mmHg},
 * {@code lbs}), and the LOINC vital signs FHIR R4 names with their display text. Cerner takes vital
 * signs only with their UCUM code (e.g. body height 8302-2 in {@code cm} or {@code [in_i]}).
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

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("bpm", "/min"),
          Map.entry("beats/min", "/min"),
          Map.entry("breaths/min", "/min"),
          Map.entry("br/min", "/min"),
          Map.entry("1/min", "/min"),
          Map.entry("mmhg", "mm[Hg]"),
          Map.entry("mm hg", "mm[Hg]"),
          Map.entry("c", "Cel"),
          Map.entry("°c", "Cel"),
          Map.entry("degc", "Cel"),
          Map.entry("cel", "Cel"),
          Map.entry("f", "[degF]"),
          Map.entry("°f", "[degF]"),
          Map.entry("degf", "[degF]"),
          Map.entry("in", "[in_i]"),
          Map.entry("inch", "[in_i]"),
          Map.entry("inches", "[in_i]"),
          Map.entry("lb", "[lb_av]"),
          Map.entry("lbs", "[lb_av]"),
          Map.entry("kg/m^2", "kg/m2"),
          Map.entry("kg/m²", "kg/m2"),
          Map.entry("percent", "%"));

  private Ucum() {}

  /** The UCUM code for a unit as written; the unit itself when it is no known alias. */
  static Optional<String> code(String unit) {
    if (unit == null || unit.isBlank()) {
      return Optional.empty();
    }
    String u = unit.strip();
    return Optional.of(ALIASES.getOrDefault(u.toLowerCase(Locale.ROOT), u));
  }

  static boolean isVitalSign(String loinc) {
    return VITAL_SIGNS.containsKey(loinc);
  }
}
