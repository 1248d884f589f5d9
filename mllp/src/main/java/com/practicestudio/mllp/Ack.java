package com.practicestudio.mllp;

/**
 * A checked acknowledgment: its MSA-1 and MSA-2 and the raw answer. {@link #toString()} leaves the
 * raw bytes out.
 *
 * @param code MSA-1
 * @param controlId MSA-2, the control id of the message acknowledged
 * @param raw the whole answer payload
 */
public record Ack(AckCode code, String controlId, byte[] raw) {

  /** AA or CA. */
  public boolean accepted() {
    return code.accepted();
  }

  @Override
  public String toString() {
    return "Ack[" + code + " " + controlId + ", " + raw.length + " bytes]";
  }
}
