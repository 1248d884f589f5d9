package com.practicestudio.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimStatusTest {

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
    "DRAFT, READY, true",
    "DRAFT, SUBMITTED, false",
    "DRAFT, DRAFT, true",
    "READY, DRAFT, true",
    "READY, SUBMITTED, true",
    "SUBMITTED, ACCEPTED, true",
    "SUBMITTED, REJECTED, true",
    "SUBMITTED, PAID, true",
    "SUBMITTED, DRAFT, false",
    "ACCEPTED, PAID, true",
    "ACCEPTED, DENIED, true",
    "ACCEPTED, REJECTED, false",
    "REJECTED, DRAFT, true",
    "REJECTED, PAID, false",
    "PAID, DRAFT, false",
    "PAID, DENIED, false",
    "PAID, PAID, true",
    "DENIED, DRAFT, false",
    "DENIED, PAID, false"
  })
  void claims_change_status_only_along_their_life(ClaimStatus from, ClaimStatus to, boolean ok) {
    assertThat(from.canBecome(to)).isEqualTo(ok);
  }

  @ParameterizedTest
  @CsvSource({"draft, DRAFT", "paid, PAID", "submitted, SUBMITTED"})
  void codes_are_lower_case_names(String code, ClaimStatus status) {
    assertThat(status.code()).isEqualTo(code);
    assertThat(ClaimStatus.fromCode(code)).contains(status);
  }
}
