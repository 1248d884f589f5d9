package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7PathTest {

  @ParameterizedTest
  @CsvSource({
    //  path,          segment, occurrence, field, rep, component, sub, canonical
    "PID-3,            PID, 0, 3, 0, 0, 0, PID-3",
    "PID-3(2).4,       PID, 0, 3, 2, 4, 0, PID-3(2).4",
    "PID-3.4.2,        PID, 0, 3, 0, 4, 2, PID-3.4.2",
    "PID-3-4-2,        PID, 0, 3, 0, 4, 2, PID-3.4.2",
    "MSH-9.1,          MSH, 0, 9, 0, 1, 0, MSH-9.1",
    "OBX(3)-5,         OBX, 3, 5, 0, 0, 0, OBX(3)-5",
    "ZN1(12)-99(7).3.1, ZN1, 12, 99, 7, 3, 1, ZN1(12)-99(7).3.1",
  })
  void reads_every_part(
      String text,
      String segment,
      int occurrence,
      int field,
      int rep,
      int component,
      int sub,
      String canonical) {
    Hl7Path path = Hl7Path.of(text);
    assertThat(path).isEqualTo(new Hl7Path(segment, occurrence, field, rep, component, sub));
    assertThat(path.toString()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "PID",
        "PID-",
        "pid-3",
        "PI-3",
        "PIDX-3",
        "PID-0",
        "PID-3(0)",
        "PID(0)-3",
        "PID-3.",
        "PID-3.1.2.3",
        "PID-3(2",
        "PID-3x",
        "PID-999999",
        "PID-3.0",
        "PID:3",
        "PID-٣"
      })
  void refuses_what_is_not_a_path(String text) {
    assertThatThrownBy(() -> Hl7Path.of(text))
        .isInstanceOfSatisfying(
            Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo("HL7-010"));
  }
}
