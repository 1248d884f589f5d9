package com.practicestudio.sandbox.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A basic chemistry/hematology panel with reference ranges and interpretations. */
final class LabResults {

  /** One lab result with its range and v3 interpretation code (L, N, H). */
  record Result(Concept code, Quantity value, Quantity low, Quantity high, String interpretation) {}

  private record Test(
      Concept code, String unit, String ucum, int scale, double low, double high, double mean) {}

  private static final List<Test> COMMON =
      List.of(
          new Test(
              Concept.loinc("2345-7", "Glucose [Mass/volume] in Serum or Plasma"),
              "mg/dL",
              "mg/dL",
              0,
              70,
              99,
              95),
          new Test(
              Concept.loinc("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"),
              "%",
              "%",
              1,
              4.0,
              5.6,
              5.6),
          new Test(
              Concept.loinc("2823-3", "Potassium [Moles/volume] in Serum or Plasma"),
              "mmol/L",
              "mmol/L",
              1,
              3.5,
              5.1,
              4.3));

  private static final Concept CREATININE =
      Concept.loinc("2160-0", "Creatinine [Mass/volume] in Serum or Plasma");
  private static final Concept HEMOGLOBIN =
      Concept.loinc("718-7", "Hemoglobin [Mass/volume] in Blood");

  private final SeedRandom random;

  LabResults(SeedRandom random) {
    this.random = random;
  }

  List<Result> panel(Sex sex) {
    boolean male = sex == Sex.MALE;
    List<Test> tests = new ArrayList<>(COMMON);
    tests.add(
        new Test(
            CREATININE,
            "mg/dL",
            "mg/dL",
            2,
            male ? 0.74 : 0.59,
            male ? 1.35 : 1.04,
            male ? 1.0 : 0.8));
    tests.add(
        new Test(
            HEMOGLOBIN,
            "g/dL",
            "g/dL",
            1,
            male ? 13.2 : 11.6,
            male ? 16.6 : 15.0,
            male ? 14.9 : 13.3));
    List<Result> results = new ArrayList<>();
    for (Test test : tests) {
      double spread = (test.high() - test.low()) / 3;
      BigDecimal value = ClinicalSeeder.round(random.gaussian(test.mean(), spread), test.scale());
      value = value.max(BigDecimal.ZERO);
      BigDecimal low = ClinicalSeeder.round(test.low(), test.scale());
      BigDecimal high = ClinicalSeeder.round(test.high(), test.scale());
      String flag = value.compareTo(low) < 0 ? "L" : value.compareTo(high) > 0 ? "H" : "N";
      results.add(
          new Result(
              test.code(),
              new Quantity(value, test.unit(), test.ucum()),
              new Quantity(low, test.unit(), test.ucum()),
              new Quantity(high, test.unit(), test.ucum()),
              flag));
    }
    return results;
  }
}
