package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7NumbersTest {

  @ParameterizedTest
  @CsvSource({"5.5, 5.5", "+12, 12", "-0.25, -0.25", ".5, 0.5", "7., 7", "007, 7", "-.5, -0.5"})
  void reads_hl7_numbers(String value, BigDecimal expected) {
    assertThat(Hl7Numbers.parseDecimal(value)).isEqualByComparingTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", ".", "+-1", "1e5", "1,000", " 5", "5 ", "NOVALUE", "1.2.3", "٣"})
  void refuses_what_is_not_a_number(String value) {
    assertThatThrownBy(() -> Hl7Numbers.parseDecimal(value))
        .isInstanceOfSatisfying(
            Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo("HL7-012"));
  }

  @ParameterizedTest
  @CsvSource({"3, 3", "5.0, 5", "-12, -12"})
  void reads_whole_numbers(String value, long expected) {
    assertThat(Hl7Numbers.parseLong(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5.5", "99999999999999999999"})
  void refuses_fractions_and_overflow_as_whole_numbers(String value) {
    assertThatThrownBy(() -> Hl7Numbers.parseLong(value)).isInstanceOf(Hl7ParseException.class);
  }
}
