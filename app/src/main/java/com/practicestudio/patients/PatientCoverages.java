package com.practicestudio.patients;

import com.practicestudio.patients.PatientInput.CoverageInput;
import com.practicestudio.web.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Validation of the coverages part of a patient input. */
final class PatientCoverages {

  private PatientCoverages() {}

  static List<Coverage> validate(List<CoverageInput> given, List<FieldProblem> problems) {
    if (given == null) {
      return List.of();
    }
    List<Coverage> coverages = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      CoverageInput c = given.get(i);
      String at = "coverages[" + i + "].";
      if (c == null) {
        problems.add(new FieldProblem("coverages[" + i + "]", "must be an object"));
        continue;
      }
      String insurer = PatientValidator.clean(c.insurerName());
      if (insurer == null) {
        problems.add(new FieldProblem(at + "insurerName", "is required"));
      }
      int priority = c.priority() == null ? i + 1 : c.priority();
      if (priority < 1) {
        problems.add(new FieldProblem(at + "priority", "must be 1 or more"));
      }
      LocalDate effective =
          PatientValidator.anyDate(at + "effectiveDate", c.effectiveDate(), problems);
      LocalDate expiration =
          PatientValidator.anyDate(at + "expirationDate", c.expirationDate(), problems);
      if (effective != null && expiration != null && expiration.isBefore(effective)) {
        problems.add(new FieldProblem(at + "expirationDate", "must not be before effectiveDate"));
      }
      coverages.add(
          new Coverage(
              priority,
              insurer,
              PatientValidator.clean(c.insurerId()),
              PatientValidator.clean(c.planName()),
              PatientValidator.clean(c.memberId()),
              PatientValidator.clean(c.groupNumber()),
              PatientValidator.clean(c.subscriberName()),
              PatientValidator.clean(c.relationship()),
              effective,
              expiration));
    }
    if (!problems.isEmpty()) {
      return List.of();
    }
    return coverages.stream().sorted(PatientData.COVERAGE_ORDER).toList();
  }
}
