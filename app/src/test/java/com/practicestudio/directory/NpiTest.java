package com.practicestudio.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpiTest {

  @ParameterizedTest
  @ValueSource(strings = {"1234567893", "1245319599", "1679576722", "1003000126"})
  void accepts_numbers_with_the_right_check_digit(String npi) {
    assertThat(Npi.isValid(npi)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1234567890", "1234567894", "123456789", "12345678930", "12345678a3", "", " "})
  void refuses_wrong_check_digits_lengths_and_letters(String npi) {
    assertThat(Npi.isValid(npi)).isFalse();
  }

  @Test
  void refuses_null() {
    assertThat(Npi.isValid(null)).isFalse();
  }

  @Test
  void computes_the_check_digit_of_the_first_nine() {
    assertThat(Npi.checkDigit("123456789")).isEqualTo(3);
    for (int i = 100000000; i < 100000100; i++) {
      String nine = Integer.toString(i);
      assertThat(Npi.isValid(nine + Npi.checkDigit(nine))).isTrue();
    }
  }
}
