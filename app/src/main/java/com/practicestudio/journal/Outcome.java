package com.practicestudio.journal;

import java.time.Duration;

/** What a handler's attempt came to. Codes are stable (e.g. {@code HL7-012}); texts hold no PHI. */
public sealed interface Outcome {

  /** Applied (inbound) or delivered (outbound). */
  record Done() implements Outcome {}

  /** Nothing to do for this row, on purpose (e.g. an event type the site does not use). */
  record Ignored(String reason) implements Outcome {}

  /**
   * Transient trouble: try again after the retry policy's backoff, or after {@code notBefore} when
   * longer (e.g. a {@code Retry-After}); FAILED once the policy's attempts are used up.
   */
  record Retry(String code, String text, Duration notBefore) implements Outcome {}

  /** Permanent trouble (bad data): FAILED at once, into the error queue. */
  record Failed(String code, String text) implements Outcome {}

  static Outcome done() {
    return new Done();
  }

  static Outcome ignored(String reason) {
    return new Ignored(reason);
  }

  static Outcome retry(String code, String text) {
    return new Retry(code, text, Duration.ZERO);
  }

  static Outcome retryAfter(String code, String text, Duration notBefore) {
    return new Retry(code, text, notBefore);
  }

  static Outcome failed(String code, String text) {
    return new Failed(code, text);
  }
}
