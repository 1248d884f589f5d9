package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import java.nio.charset.Charset;

/**
 * What the listener learned from one frame before storing it: enough to record it (type, sender,
 * control id, correlation key) and to decide the answer (parsed or not, the filter's verdict,
 * acknowledgment mode).
 *
 * @param message null when the parser refused the bytes
 * @param parseError why it was refused, or null
 * @param header the leniently read MSH of a refused message (for the NAK); {@link RawHeader#EMPTY}
 *     for parsed ones
 * @param messageType {@code ADT^A04}, or {@link #MALFORMED}
 * @param messageId MSH-10, or a hash of the bytes when there is none or the message is malformed
 * @param decision the filter's verdict; null when malformed
 * @param charset the charset the message was read in (null when malformed)
 * @param enhanced whether enhanced-mode acknowledgment applies to this message
 * @param applicationAck MSH-16 (AL, ER, SU, NE or empty); {@link ApplicationAckRule} reads it
 * @param contentKey what the message says ({@link MessageContent#key}); null when malformed
 */
record Inspection(
    Hl7Message message,
    Hl7ParseException parseError,
    RawHeader header,
    String messageType,
    String sender,
    String messageId,
    String correlationKey,
    RuleEngine.Decision decision,
    Charset charset,
    boolean enhanced,
    String applicationAck,
    String contentKey) {

  /** The journal type of a message the parser refused. */
  static final String MALFORMED = "MALFORMED";

  /** Not taken: malformed, or no filter rule accepts or ignores it. */
  boolean refused() {
    return message == null || !decision.taken();
  }
}
