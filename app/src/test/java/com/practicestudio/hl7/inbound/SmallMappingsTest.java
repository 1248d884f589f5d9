package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  @Test
  void a_time_without_offset_is_read_in_the_location_zone_else_the_facility_zone() {
    var message =
        TestInbound.message(
            "MSH|^~\\&|ADT|GOOD HEALTH|||20260101120000+0100||ADT^A04|1|P|2.5\n"
                + "PV1|1|O"
                + "|".repeat(42)
                + "20260701090000");
    var pv1 = message.segment("PV1").orElseThrow();
    MessageTimes times =
        new MessageTimes(
            message,
            Map.of("GOOD HEALTH", ZoneId.of("America/Denver")),
            ZoneId.of("America/Chicago"),
            id -> id == 1L ? Optional.of(ZoneId.of("Europe/Berlin")) : Optional.empty());
    assertThat(times.instant(pv1, 44, 1, 1L, "PV1-44"))
        .isEqualTo(Instant.parse("2026-07-01T07:00:00Z"));
    assertThat(times.instant(pv1, 44, 1, null, "PV1-44"))
        .as("the facility's configured zone beats MSH-7's offset")
        .isEqualTo(Instant.parse("2026-07-01T15:00:00Z"));
    assertThat(times.facilityZone()).isEqualTo(ZoneId.of("America/Denver"));
  }
}
