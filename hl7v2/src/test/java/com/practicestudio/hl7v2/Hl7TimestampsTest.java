package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7TimestampsTest {

  @ParameterizedTest
  @CsvSource({
    //  HL7 value,                   precision, ISO local date-time,         offset
    "2024,                           YEAR,      2024-01-01T00:00,            ''",
    "202403,                         MONTH,     2024-03-01T00:00,            ''",
    "20240315,                       DAY,       2024-03-15T00:00,            ''",
    "2024031514,                     HOUR,      2024-03-15T14:00,            ''",
    "202403151430,                   MINUTE,    2024-03-15T14:30,            ''",
    "20240315143059,                 SECOND,    2024-03-15T14:30:59,         ''",
    "20240315143059.1,               FRACTION,  2024-03-15T14:30:59.100,     ''",
    "20240315143059.1234,            FRACTION,  2024-03-15T14:30:59.123400,  ''",
    "20150624084727.655-0500,        FRACTION,  2015-06-24T08:47:27.655,     -05:00",
    "198908181126+0215,              MINUTE,    1989-08-18T11:26,            +02:15",
    "20230101010000-0000,            SECOND,    2023-01-01T01:00,            Z",
    "20240315+05,                    DAY,       2024-03-15T00:00,            +05:00",
  })
  void reads_any_precision_with_or_without_offset(
      String value, Hl7Timestamp.Precision precision, String local, String offset) {
    Hl7Timestamp timestamp = Hl7Timestamps.parse(value);
    assertThat(timestamp.precision()).isEqualTo(precision);
    assertThat(timestamp.local()).hasToString(local);
    assertThat(timestamp.offset().map(ZoneOffset::getId).orElse("")).isEqualTo(offset);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "24",
        "20241",
        "2024031",
        "20240230",
        "20241315",
        "20240315250000",
        "1994050216163360",
        "20240315143059.",
        "20240315143059.12345",
        "202403151430.5",
        "20240315+5",
        "20240315+0575",
        "20240315+1900",
        "2024-03-15",
        " 20240315",
        "abcd",
        "20240315-",
        "-2024"
      })
  void refuses_anything_else(String value) {
    assertThatThrownBy(() -> Hl7Timestamps.parse(value))
        .isInstanceOfSatisfying(
            Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo("HL7-011"));
  }

  @Test
  void converts_to_java_time() {
    assertThat(Hl7Timestamps.toOffsetDateTime("20240315143059-0500", ZoneId.of("UTC")))
        .isEqualTo(OffsetDateTime.of(2024, 3, 15, 14, 30, 59, 0, ZoneOffset.ofHours(-5)));
    assertThat(Hl7Timestamps.toOffsetDateTime("20240715143059", ZoneId.of("America/Chicago")))
        .isEqualTo(OffsetDateTime.of(2024, 7, 15, 14, 30, 59, 0, ZoneOffset.ofHours(-5)));
    assertThat(Hl7Timestamps.toLocalDate("19830824")).isEqualTo(LocalDate.of(1983, 8, 24));
    assertThat(Hl7Timestamps.parse("2024").toOffsetDateTime()).isEmpty();
    assertThatThrownBy(() -> Hl7Timestamps.toLocalDate("202408"))
        .isInstanceOf(Hl7ParseException.class);
  }

  @Test
  void formats_seconds_with_offset() {
    assertThat(
            Hl7Timestamps.format(
                OffsetDateTime.of(
                    2024, 3, 5, 7, 8, 9, 999_000_000, ZoneOffset.ofHoursMinutes(-3, -30))))
        .isEqualTo("20240305070809-0330");
    assertThat(Hl7Timestamps.format(OffsetDateTime.of(2024, 3, 5, 7, 8, 9, 0, ZoneOffset.UTC)))
        .isEqualTo("20240305070809+0000");
  }
}
