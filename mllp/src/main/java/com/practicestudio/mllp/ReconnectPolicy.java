package com.practicestudio.mllp;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link MllpSender} connects: up to {@code maxAttempts} attempts per send, waiting {@code
 * initialDelay} before the second, then {@code multiplier} times longer each time, never more than
 * {@code maxDelay}.
 */
public record ReconnectPolicy(
    int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {

  public ReconnectPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= initialDelay <= maxDelay, was " + initialDelay + " and " + maxDelay);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
  }

  /** Three attempts, 200 ms then 400 ms apart (doubling, at most 5 s). */
  public static ReconnectPolicy defaults() {
    return new ReconnectPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0);
  }

  /** One attempt: fail at once when the peer is unreachable (the caller retries later). */
  public static ReconnectPolicy once() {
    return new ReconnectPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);
  }

  /**
   * The wait before connection attempt {@code attempt} (1-based): zero before the first.
   *
   * @throws IllegalArgumentException when attempt is below 1 or above {@link #maxAttempts()}
   */
  public Duration delayBefore(int attempt) {
    if (attempt < 1 || attempt > maxAttempts) {
      throw new IllegalArgumentException(
          "attempt must be in 1.." + maxAttempts + ", was " + attempt);
    }
    if (attempt == 1) {
      return Duration.ZERO;
    }
    double nanos = initialDelay.toNanos() * Math.pow(multiplier, attempt - 2);
    return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
  }
}
