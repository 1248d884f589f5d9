package com.practicestudio.sandbox.hl7;

import java.time.Duration;
import java.util.Objects;

/**
 * How the peer's listener answers a message: with an ACK whose MSA-1 is {@code AA}, {@code AE} or
 * {@code AR} (MSA-3 and ERR-8 carry {@code text}), or not at all ({@code NONE}, to test ACK
 * timeouts); optionally after a delay. Answers on one connection go back in order, so a delayed or
 * withheld answer holds back the answers to later messages on that connection.
 *
 * @param code the acknowledgment code, or NONE
 * @param text MSA-3 text for AE/AR, may be null
 * @param delay wait this long before answering, at most {@link #MAX_DELAY}
 */
public record Answer(Code code, String text, Duration delay) {

  /** The longest delay (the listener's handler timeout is longer). */
  public static final Duration MAX_DELAY = Duration.ofMinutes(5);

  /** MSA-1, or no answer. */
  public enum Code {
    AA,
    AE,
    AR,
    NONE
  }

  public Answer {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException("delay must be 0 to 5 minutes, was " + delay);
    }
  }

  /** AA at once. */
  public static Answer accept() {
    return new Answer(Code.AA, null, Duration.ZERO);
  }

  /** AE (application error) with this MSA-3 text. */
  public static Answer error(String text) {
    return new Answer(Code.AE, text, Duration.ZERO);
  }

  /** AR (application reject) with this MSA-3 text. */
  public static Answer reject(String text) {
    return new Answer(Code.AR, text, Duration.ZERO);
  }

  /** No answer at all. */
  public static Answer none() {
    return new Answer(Code.NONE, null, Duration.ZERO);
  }

  /** The same answer, sent {@code wait} later. */
  public Answer after(Duration wait) {
    return new Answer(code, text, wait);
  }
}
