package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

  @Test
  void waits_nothing_before_the_first_attempt_then_backs_off_up_to_the_maximum() {
    ReconnectPolicy policy =
        new ReconnectPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500), 2.0);

    assertThat(IntStream.rangeClosed(1, 6).mapToObj(policy::delayBefore))
        .containsExactly(
            Duration.ZERO,
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(500),
            Duration.ofMillis(500));
  }

  @Test
  void once_makes_a_single_attempt() {
    assertThat(ReconnectPolicy.once().maxAttempts()).isEqualTo(1);
    assertThat(ReconnectPolicy.once().delayBefore(1)).isZero();
  }

  @Test
  void refuses_attempts_outside_the_policy_and_bad_settings() {
    ReconnectPolicy policy = ReconnectPolicy.defaults();
    assertThatThrownBy(() -> policy.delayBefore(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy.delayBefore(4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReconnectPolicy(0, Duration.ZERO, Duration.ZERO, 1))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(
            () -> new ReconnectPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
        .hasMessageContaining("initialDelay <= maxDelay");
    assertThatThrownBy(() -> new ReconnectPolicy(2, Duration.ZERO, Duration.ZERO, 0.5))
        .hasMessageContaining("multiplier");
  }
}
