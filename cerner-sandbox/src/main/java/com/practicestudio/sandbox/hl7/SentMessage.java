package com.practicestudio.sandbox.hl7;

import java.time.Instant;

/**
 * One message of a run and what came back.
 *
 * @param number 1-based position in the run
 * @param controlId MSH-10, null when the message could not be parsed
 * @param type MSH-9 as {@code ADT^A04}, empty when unparsed
 * @param duplicateOf the number of the message this one repeats byte for byte, or null
 * @param sentAt when its last byte was written, null if it was never sent
 * @param ackMillis from the end of sending to the end of the answer, null without an answer
 * @param ackCode MSA-1 ({@code AA}, {@code AE}, {@code AR}, …), null without an answer
 * @param ackControlId MSA-2
 * @param ackText MSA-3, may be null
 * @param error why there is no answer: an {@code MLLP-0xx} code with its text, or {@code
 *     RESET-MID-FRAME} for a deliberate reset; null when answered
 * @param message the message as sent
 * @param ack the answer as received, null without one
 */
public record SentMessage(
    int number,
    String controlId,
    String type,
    Integer duplicateOf,
    Instant sentAt,
    Long ackMillis,
    String ackCode,
    String ackControlId,
    String ackText,
    String error,
    String message,
    String ack) {

  /** Marks the message cut by a deliberate reset. */
  public static final String RESET_MID_FRAME = "RESET-MID-FRAME";

  /** True when an answer with MSA-1 AA or CA came back. */
  public boolean accepted() {
    return "AA".equals(ackCode) || "CA".equals(ackCode);
  }
}
