package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import java.time.Instant;

/**
 * A message the peer's listener received, with a few fields read from it and how it was answered.
 *
 * @param sequence 1 for the first message received since the last reset, then 2, 3, …
 * @param connectionId the listener connection it came on
 * @param type MSH-9 as {@code SIU^S12}; empty when the message did not parse
 * @param controlId MSH-10
 * @param patientMrn the PID-3 identifier typed {@code MRN} or {@code MR} (else the first), or null
 * @param placerAppointmentId SCH-1.1, or null
 * @param fillerAppointmentId SCH-2.1, or null
 * @param startTime the appointment start (SCH-11.4, else TQ1-7, else AIS-4) as ISO-8601 with its
 *     offset, or null
 * @param answer {@code AA}, {@code AE}, {@code AR} or {@code NONE}
 * @param answerDelayMillis how long the answer was held back
 * @param problem why the message could not be read ({@code HL7-0xx} or {@code MLLP-0xx}), or null
 * @param message the message text
 */
public record ReceivedMessage(
    long sequence,
    Instant receivedAt,
    long connectionId,
    String type,
    String controlId,
    String patientMrn,
    String placerAppointmentId,
    String fillerAppointmentId,
    String startTime,
    String answer,
    long answerDelayMillis,
    String problem,
    String message) {

  /** The message parsed with the {@code hl7v2} parser. */
  public Hl7Message parse() {
    return Hl7Message.parse(message);
  }
}
