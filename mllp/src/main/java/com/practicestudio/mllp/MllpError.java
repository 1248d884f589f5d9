package com.practicestudio.mllp;

/**
 * Every problem the MLLP layer reports, with a stable code for logs, metrics and alerts. Codes
 * never change meaning and are never reused; {@code MllpErrorTest} checks that they are unique.
 * Descriptions hold no message content.
 */
public enum MllpError {
  // framing (the decoder)
  GARBAGE_SKIPPED("MLLP-001", "bytes outside a frame were skipped"),
  START_BLOCK_INSIDE_FRAME(
      "MLLP-002", "a start block arrived inside a frame; the unfinished frame was dropped"),
  END_BLOCK_WITHOUT_CARRIAGE_RETURN(
      "MLLP-003", "the end block was not followed by a carriage return"),
  FRAME_TOO_LARGE("MLLP-004", "the frame is larger than the maximum frame size"),
  STREAM_ENDED_INSIDE_FRAME(
      "MLLP-005", "the connection ended inside a frame; the unfinished frame was dropped"),
  PAYLOAD_CONTAINS_BLOCK_BYTE(
      "MLLP-006", "the payload contains a start or end block byte and cannot be framed"),

  // listener
  PEER_NOT_ALLOWED("MLLP-010", "the peer address is not in the allowlist"),
  TOO_MANY_CONNECTIONS("MLLP-011", "the listener is at its connection limit"),
  TLS_HANDSHAKE_FAILED("MLLP-012", "the TLS handshake failed"),
  RECEIVE_TIMEOUT("MLLP-013", "no frame started within the receive timeout after connecting"),
  READ_TIMEOUT("MLLP-014", "the peer paused inside a frame for longer than the read timeout"),
  IDLE_TIMEOUT("MLLP-015", "the connection had no traffic for longer than the idle timeout"),
  HANDLER_FAILED("MLLP-016", "the message handler failed or gave no answer"),
  HANDLER_TIMEOUT("MLLP-017", "the message handler did not answer within the handler timeout"),
  ERROR_ANSWER_FAILED(
      "MLLP-018", "the error answer hook failed; the connection was closed unanswered"),
  CONNECTION_FAILED("MLLP-019", "the connection failed (reset or I/O error)"),
  LISTENER_STOPPED("MLLP-020", "the listener stopped before the connection finished"),
  CONNECTION_NOT_STARTED(
      "MLLP-021", "no thread could be started for the connection; it was closed unread"),

  // sender
  CONNECT_FAILED("MLLP-030", "could not connect to the peer"),
  CONNECT_TIMEOUT("MLLP-031", "connecting to the peer timed out"),
  ACK_TIMEOUT("MLLP-032", "no complete answer arrived within the ACK timeout"),
  CONNECTION_CLOSED("MLLP-033", "the peer closed the connection before answering"),
  ANSWER_MALFORMED("MLLP-034", "the peer's answer was not a well-formed MLLP frame"),
  ANSWER_TOO_LARGE("MLLP-035", "the peer's answer is larger than the maximum frame size"),
  ACK_WITHOUT_MSH("MLLP-036", "the answer does not start with an MSH segment"),
  ACK_WITHOUT_MSA("MLLP-037", "the answer has no MSA segment"),
  ACK_CODE_UNKNOWN("MLLP-038", "MSA-1 is not one of AA, AE, AR, CA, CE, CR"),
  ACK_CONTROL_ID_MISMATCH("MLLP-039", "MSA-2 does not match the control id of the message sent"),
  SENDER_CLOSED("MLLP-040", "the sender is closed");

  private final String code;
  private final String description;

  MllpError(String code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The stable code, e.g. {@code MLLP-004}. */
  public String code() {
    return code;
  }

  /** A short description without message content. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return code + " " + name();
  }
}
