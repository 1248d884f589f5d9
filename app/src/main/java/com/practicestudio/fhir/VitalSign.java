package com.practicestudio.fhir;

import java.util.Arrays;
import java.util.Optional;

/** The vital signs the console offers to send to Cerner: LOINC code, label and UCUM unit. */
enum VitalSign {
  BODY_HEIGHT("8302-2", "Body height", "cm"),
  BODY_WEIGHT("29463-7", "Body weight", "kg"),
  HEART_RATE("8867-4", "Heart rate", "/min"),
  BODY_TEMPERATURE("8310-5", "Body temperature", "Cel"),
  SYSTOLIC("8480-6", "Systolic blood pressure", "mm[Hg]"),
  DIASTOLIC("8462-4", "Diastolic blood pressure", "mm[Hg]");

  private final String code;
  private final String label;
  private final String unit;

  VitalSign(String code, String label, String unit) {
    this.code = code;
    this.label = label;
    this.unit = unit;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }

  static Optional<VitalSign> byCode(String code) {
    return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
  }
}
