package com.practicestudio.sandbox.data;

import java.util.ArrayList;
import java.util.List;

/** Plausible vital signs for a patient's age and sex (LOINC codes, UCUM units). */
final class VitalSigns {

  static final Concept HEIGHT = Concept.loinc("8302-2", "Body height");
  static final Concept WEIGHT = Concept.loinc("29463-7", "Body weight");
  static final Concept BMI = Concept.loinc("39156-5", "Body mass index (BMI) [Ratio]");
  static final Concept BLOOD_PRESSURE =
      Concept.loinc("85354-9", "Blood pressure panel with all children optional");
  static final Concept SYSTOLIC = Concept.loinc("8480-6", "Systolic blood pressure");
  static final Concept DIASTOLIC = Concept.loinc("8462-4", "Diastolic blood pressure");
  static final Concept HEART_RATE = Concept.loinc("8867-4", "Heart rate");
  static final Concept TEMPERATURE = Concept.loinc("8310-5", "Body temperature");

  /** One reading: a value, or components for a panel. */
  record Reading(Concept code, Quantity value, List<ObservationRecord.Component> components) {}

  private final SeedRandom random;

  VitalSigns(SeedRandom random) {
    this.random = random;
  }

  List<Reading> readings(int ageYears, Sex sex) {
    double heightCm = height(ageYears, sex);
    double bmi = ageYears >= 18 ? Math.max(16, random.gaussian(28, 5)) : random.gaussian(17, 2);
    double weightKg = ageYears == 0 ? random.gaussian(6, 1.5) : bmi * Math.pow(heightCm / 100, 2);
    List<Reading> readings = new ArrayList<>();
    readings.add(value(HEIGHT, heightCm, 1, "cm", "cm"));
    readings.add(value(WEIGHT, weightKg, 1, "kg", "kg"));
    if (ageYears >= 18) {
      readings.add(value(BMI, weightKg / Math.pow(heightCm / 100, 2), 1, "kg/m2", "kg/m2"));
    }
    if (ageYears >= 3) {
      double systolic = random.gaussian(ageYears >= 18 ? 122 + ageYears / 5.0 : 105, 12);
      double diastolic = Math.min(systolic - 25, random.gaussian(ageYears >= 18 ? 78 : 65, 8));
      readings.add(
          new Reading(
              BLOOD_PRESSURE,
              null,
              List.of(component(SYSTOLIC, systolic), component(DIASTOLIC, diastolic))));
    }
    double pulse = random.gaussian(ageYears < 12 ? 95 : 74, 10);
    readings.add(value(HEART_RATE, pulse, 0, "/min", "/min"));
    readings.add(value(TEMPERATURE, random.gaussian(36.8, 0.3), 1, "Cel", "Cel"));
    return readings;
  }

  private double height(int ageYears, Sex sex) {
    if (ageYears >= 18) {
      return sex == Sex.MALE ? random.gaussian(176, 7) : random.gaussian(162.5, 6.5);
    }
    return ageYears == 0 ? random.gaussian(62, 6) : 75 + 5.8 * ageYears + random.gaussian(0, 4);
  }

  private static ObservationRecord.Component component(Concept code, double mmHg) {
    return new ObservationRecord.Component(
        code, new Quantity(ClinicalSeeder.round(mmHg, 0), "mmHg", "mm[Hg]"));
  }

  private static Reading value(Concept code, double value, int scale, String unit, String ucum) {
    return new Reading(
        code, new Quantity(ClinicalSeeder.round(value, scale), unit, ucum), List.of());
  }
}
