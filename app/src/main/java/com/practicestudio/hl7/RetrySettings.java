package com.practicestudio.hl7;

import com.practicestudio.journal.RetryPolicy;
import java.time.Duration;

/**
 * A sender's retry policy: attempt {@code n} that failed waits {@code initialBackoff ×
 * multiplier^(n-1)} (at most {@code maxBackoff}); after {@code maxAttempts} the message is FAILED
 * in the error queue. The journal's HL7 channel policy still applies on top: its backoff is the
 * shortest wait and its attempts the most there can be.
 */
public record RetrySettings(
    int maxAttempts, long initialBackoffMillis, double multiplier, long maxBackoffMillis) {

  public static final RetrySettings DEFAULTS = new RetrySettings(5, 30_000, 2.0, 1_800_000);

  public RetryPolicy policy() {
    return new RetryPolicy(
        maxAttempts,
        Duration.ofMillis(initialBackoffMillis),
        multiplier,
        Duration.ofMillis(maxBackoffMillis),
        0.2);
  }
}
