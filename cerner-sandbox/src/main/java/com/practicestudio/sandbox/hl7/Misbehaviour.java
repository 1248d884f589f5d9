package com.practicestudio.sandbox.hl7;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Ways the peer can break the rules on purpose, so a receiver's framing, timeouts and duplicate
 * detection can be tested.
 *
 * @param splitInto write each frame in this many pieces, flushing each (1: in one write)
 * @param writeDelay pause between the pieces of a frame (slow writes); needs {@code splitInto >= 2}
 * @param garbageBeforeFrame bytes (ISO-8859-1) written before each frame's start block, or null
 * @param resetMidFrameAt the 1-based message number whose frame is cut after half its bytes by a
 *     TCP reset (the connection is then opened again for the next message), 0 for never
 * @param duplicateEvery send every n-th message twice, the second time byte for byte (same control
 *     id), 0 for never
 */
public record Misbehaviour(
    int splitInto,
    Duration writeDelay,
    String garbageBeforeFrame,
    int resetMidFrameAt,
    int duplicateEvery) {

  public Misbehaviour {
    Objects.requireNonNull(writeDelay, "writeDelay");
    if (splitInto < 1 || splitInto > 1000) {
      throw new IllegalArgumentException("splitInto must be 1 to 1000, was " + splitInto);
    }
    if (writeDelay.isNegative() || writeDelay.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new IllegalArgumentException("writeDelay must be 0 to 30 s, was " + writeDelay);
    }
    if (!writeDelay.isZero() && splitInto < 2) {
      throw new IllegalArgumentException("writeDelay needs splitInto of 2 or more");
    }
    if (garbageBeforeFrame != null
        && (garbageBeforeFrame.isEmpty() || hasBlockByte(garbageBeforeFrame))) {
      throw new IllegalArgumentException(
          "garbageBeforeFrame must be non-empty and hold no start or end block byte");
    }
    if (resetMidFrameAt < 0 || duplicateEvery < 0) {
      throw new IllegalArgumentException("resetMidFrameAt and duplicateEvery must not be negative");
    }
  }

  /** Well-behaved. */
  public static Misbehaviour none() {
    return new Misbehaviour(1, Duration.ZERO, null, 0, 0);
  }

  public Misbehaviour withSplitInto(int pieces) {
    return new Misbehaviour(
        pieces, writeDelay, garbageBeforeFrame, resetMidFrameAt, duplicateEvery);
  }

  /** Each frame in {@code pieces} writes, {@code delay} apart. */
  public Misbehaviour withSlowWrites(int pieces, Duration delay) {
    return new Misbehaviour(pieces, delay, garbageBeforeFrame, resetMidFrameAt, duplicateEvery);
  }

  public Misbehaviour withGarbageBeforeFrame(String garbage) {
    return new Misbehaviour(splitInto, writeDelay, garbage, resetMidFrameAt, duplicateEvery);
  }

  public Misbehaviour withResetMidFrameAt(int messageNumber) {
    return new Misbehaviour(
        splitInto, writeDelay, garbageBeforeFrame, messageNumber, duplicateEvery);
  }

  public Misbehaviour withDuplicateEvery(int n) {
    return new Misbehaviour(splitInto, writeDelay, garbageBeforeFrame, resetMidFrameAt, n);
  }

  /** True when frames must be written by hand rather than by {@code MllpSender}. */
  boolean needsRawSocket() {
    return splitInto > 1 || garbageBeforeFrame != null || resetMidFrameAt > 0;
  }

  byte[] garbage() {
    return garbageBeforeFrame == null
        ? new byte[0]
        : garbageBeforeFrame.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static boolean hasBlockByte(String text) {
    return text.indexOf('\u000b') >= 0 || text.indexOf('\u001c') >= 0;
  }
}
