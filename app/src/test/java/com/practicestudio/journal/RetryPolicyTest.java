package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(6, Duration.ofSeconds(10), 3.0, Duration.ofMinutes(5), 0.2);

  @ParameterizedTest(name = "after attempt {0}: {1} s")
  @CsvSource({
    "1, 10", // the initial backoff
    "2, 30", // × 3
    "3, 90", "4, 270", "5, 300", // capped at 5 minutes
    "6, 300"
  })
  void the_wait_grows_by_the_multiplier_up_to_the_cap(int attempt, long seconds) {
    assertThat(policy.backoff(attempt, 0.5)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void jitter_spreads_the_wait_within_its_band_and_never_beyond_the_cap() {
    assertThat(policy.backoff(2, 0.0)).isEqualTo(Duration.ofSeconds(24)); // 30 × 0.8
    assertThat(policy.backoff(2, 0.999_999))
        .isBetween(Duration.ofMillis(35_999), Duration.ofSeconds(36));
    assertThat(policy.backoff(6, 0.999_999)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void a_longer_retry_after_wins_over_the_backoff() {
    Instant now = Instant.parse("2026-11-19T14:30:00Z");
    assertThat(policy.nextAttempt(now, 1, 0.5, Duration.ofMinutes(2)))
        .isEqualTo(now.plusSeconds(120));
    assertThat(policy.nextAttempt(now, 1, 0.5, Duration.ofSeconds(1)))
        .isEqualTo(now.plusSeconds(10));
  }

  @Test
  void the_last_attempt_exhausts_the_policy() {
    assertThat(policy.exhausted(5)).isFalse();
    assertThat(policy.exhausted(6)).isTrue();
  }

  @Test
  void nonsense_settings_are_refused() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 1, Duration.ZERO, 0))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(2), 2, Duration.ofMinutes(1), 0))
        .hasMessageContaining("maxBackoff");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 0.5, Duration.ZERO, 0))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 1, Duration.ZERO, 1.5))
        .hasMessageContaining("jitter");
  }
}
