package com.practicestudio.sandbox.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults on demand, for resilience tests: latency, an error rate (500/503), 429 with {@code
 * Retry-After}, a time-bounded outage (503), dropped connections and a token-endpoint outage. Each
 * fault applies to paths under a prefix ({@code ""} for all but {@code /admin}), for a number of
 * requests or until a time (by the clock) or until reset.
 */
public final class FaultInjector {

  /** What kind of fault. */
  public enum Kind {
    LATENCY,
    ERROR,
    RATE_LIMIT,
    OUTAGE,
    DROP
  }

  /**
   * One fault.
   *
   * @param remaining how many more requests it hits, or null for no limit
   * @param until when it ends, or null for never (until reset)
   * @param rate the share of matching requests it hits (1.0 = all)
   */
  public record Fault(
      Kind kind,
      String pathPrefix,
      int status,
      long latencyMillis,
      long retryAfterSeconds,
      double rate,
      AtomicInteger remaining,
      Instant until) {}

  /** What to do with a request: wait, then answer a status, drop it, or pass it on. */
  public record Decision(long latencyMillis, int status, long retryAfterSeconds, boolean drop) {
    static final Decision PASS = new Decision(0, 0, 0, false);
  }

  private final Clock clock;
  private final Random random;
  private final List<Fault> faults = new CopyOnWriteArrayList<>();

  public FaultInjector(Clock clock, long seed) {
    this.clock = clock;
    this.random = new Random(seed);
  }

  public void add(Fault fault) {
    faults.add(fault);
  }

  /** Every request under the prefix waits this long first. */
  public void latency(String pathPrefix, Duration delay) {
    add(new Fault(Kind.LATENCY, pathPrefix, 0, delay.toMillis(), 0, 1.0, null, null));
  }

  /** This share of requests (0..1) under the prefix answers {@code status} (500 or 503). */
  public void errorRate(String pathPrefix, int status, double rate) {
    add(new Fault(Kind.ERROR, pathPrefix, status, 0, 0, rate, null, null));
  }

  /** The next {@code count} requests under the prefix answer 429 with {@code Retry-After}. */
  public void rateLimit(String pathPrefix, int count, Duration retryAfter) {
    add(
        new Fault(
            Kind.RATE_LIMIT,
            pathPrefix,
            429,
            0,
            retryAfter.toSeconds(),
            1.0,
            new AtomicInteger(count),
            null));
  }

  /** Requests under the prefix answer 503 (with Retry-After) until {@code duration} from now. */
  public void outage(String pathPrefix, Duration duration) {
    Instant until = clock.instant().plus(duration);
    add(
        new Fault(
            Kind.OUTAGE, pathPrefix, 503, 0, Math.max(1, duration.toSeconds()), 1.0, null, until));
  }

  /** The next {@code count} connections under the prefix are closed without an answer. */
  public void dropConnections(String pathPrefix, int count) {
    add(new Fault(Kind.DROP, pathPrefix, 0, 0, 0, 1.0, new AtomicInteger(count), null));
  }

  public List<Fault> active() {
    Instant now = clock.instant();
    return faults.stream().filter(f -> live(f, now)).toList();
  }

  public void reset() {
    faults.clear();
  }

  /** The decision for a request path; counts the request against limited faults. */
  public Decision decide(String path) {
    Instant now = clock.instant();
    long latency = 0;
    for (Fault fault : faults) {
      if (!path.startsWith(fault.pathPrefix()) || !live(fault, now)) {
        continue;
      }
      if (fault.kind() == Kind.LATENCY) {
        latency += fault.latencyMillis();
        continue;
      }
      if (fault.rate() < 1.0 && random.nextDouble() >= fault.rate()) {
        continue;
      }
      if (fault.remaining() != null && fault.remaining().getAndDecrement() <= 0) {
        continue;
      }
      return new Decision(
          latency, fault.status(), fault.retryAfterSeconds(), fault.kind() == Kind.DROP);
    }
    return latency == 0 ? Decision.PASS : new Decision(latency, 0, 0, false);
  }

  private static boolean live(Fault fault, Instant now) {
    return (fault.until() == null || now.isBefore(fault.until()))
        && (fault.remaining() == null || fault.remaining().get() > 0);
  }
}
