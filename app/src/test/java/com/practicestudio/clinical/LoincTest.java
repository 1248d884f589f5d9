package com.practicestudio.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoincTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8867-4", // heart rate
        "2339-0", // glucose
        "718-7", // hemoglobin
        "4548-4", // hemoglobin A1c
        "8480-6", // systolic blood pressure
        "29463-7", // body weight
        "11506-3", // progress note
        "34133-9", // summary of episode note
        "18842-5" // discharge summary
      })
  void real_loinc_codes_are_valid(String code) {
    assertThat(Loinc.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8867-3", "2339-1", "8867", "abc-1", "8867-44", "", "12345678-9"})
  void wrong_check_digits_and_shapes_are_refused(String code) {
    assertThat(Loinc.isValid(code)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"12345, 5", "8867, 4", "2339, 0"})
  void the_check_digit_follows_loinc_mod_10(String number, int digit) {
    assertThat(Loinc.checkDigit(number)).isEqualTo(digit);
  }
}
