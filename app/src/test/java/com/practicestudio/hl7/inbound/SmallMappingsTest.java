package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PV1-2 encounter classes and how refusals name HL7 fields. */
class SmallMappingsTest {

  @ParameterizedTest(name = "PV1-2 {0} → {1}")
  @CsvSource({
    "I, inpatient",
    "O, outpatient",
    "E, emergency",
    "P, preadmit",
    "R, recurring",
    "B, inpatient",
    "Emergency, emergency",
    "ff, unknown",
    "CD:309191, unknown"
  })
  void pv1_2_is_the_encounter_class(String code, String expected) {
    assertThat(EncounterRecords.encounterClass(code)).isEqualTo(expected);
  }

  @Test
  void a_refusal_names_the_hl7_fields_and_never_the_values() {
    InvalidRequestException refused =
        new InvalidRequestException(
            List.of(
                new FieldProblem("dateOfBirth", "must not be in the future"),
                new FieldProblem("address.postalCode", "must be a US ZIP code"),
                new FieldProblem(
                    "coverages[0].expirationDate", "must not be before effectiveDate")));
    var failure = RefusedValues.failure(refused, RefusedValues.PATIENT);
    assertThat(failure.code()).isEqualTo("HL7-107");
    assertThat(failure.text())
        .isEqualTo(
            "PID-7 must not be in the future; PID-11.5 must be a US ZIP code; IN1 must not be"
                + " before effectiveDate");
  }
}
