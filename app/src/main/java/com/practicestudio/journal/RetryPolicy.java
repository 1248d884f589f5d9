package com.practicestudio.journal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often and how far apart a failing row is tried again before it goes to the error queue.
 * Attempt {@code n} (1-based) that fails with a retryable error is retried after {@code
 * initialBackoff × multiplier^(n-1)}, at most {@code maxBackoff}, spread by ± {@code jitter} (a
 * fraction) so that rows failing together do not come back together.
 *
 * @param maxAttempts tries in all, the first included; after the last one the row is FAILED
 * @param initialBackoff wait after the first failed attempt
 * @param multiplier growth of the wait per further failed attempt
 * @param maxBackoff the longest wait
 * @param jitter spread as a fraction of the wait, 0 to 1 (0.2 = ±20 %)
 */
public record RetryPolicy(
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("30s") Duration initialBackoff,
    @DefaultValue("2.0") double multiplier,
    @DefaultValue("30m") Duration maxBackoff,
    @DefaultValue("0.2") double jitter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be at least 1");
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1");
    }
  }

  /** No more tries after {@code attempts} tries. */
  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }

  /**
   * The wait after failed attempt {@code attempt} (1-based); {@code random} in [0, 1) places it in
   * the jitter band (0.5 = no spread).
   */
  public Duration backoff(int attempt, double random) {
    double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    double capped = Math.min(base, maxBackoff.toMillis());
    double spread = capped * (1 - jitter + 2 * jitter * random);
    return Duration.ofMillis(Math.round(Math.min(spread, maxBackoff.toMillis())));
  }

  /** When to try again after failed attempt {@code attempt}, not before {@code notBefore}. */
  public Instant nextAttempt(Instant now, int attempt, double random, Duration notBefore) {
    Duration wait = backoff(attempt, random);
    if (notBefore != null && notBefore.compareTo(wait) > 0) {
      wait = notBefore;
    }
    return now.plus(wait);
  }
}
