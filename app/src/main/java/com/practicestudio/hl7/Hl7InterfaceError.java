package com.practicestudio.hl7;

/**
 * The HL7 interface's error codes, stable: they appear in ACKs (ERR-8), in the error queue and in
 * logs. {@code HL7-001}…{@code HL7-049} belong to the {@code hl7v2} parser ({@code Hl7Error}); this
 * feature counts from {@code HL7-050}. Texts hold no message content. {@code Hl7InterfaceErrorTest}
 * checks that codes are unique and do not collide with the parser's.
 */
public enum Hl7InterfaceError {
  NOT_ACCEPTED("HL7-050", "no filter rule of this interface accepts this message type"),
  REJECTED_BY_RULE("HL7-051", "a filter rule of this interface rejects this message"),
  NOT_STORED("HL7-052", "the message could not be stored; send it again"),
  NOT_APPLIED_IN_TIME(
      "HL7-053", "stored, but not applied within the wait of this interface; send it again"),
  APPLY_FAILED("HL7-054", "stored, but applying it failed"),
  FRAME_TOO_LARGE("HL7-055", "the message is larger than this interface's maximum frame size"),
  FRAME_MALFORMED("HL7-056", "the MLLP frame was malformed (end block without carriage return)"),
  ANSWER_TIMEOUT("HL7-057", "no answer could be given in time; send it again"),
  DISCARDED("HL7-058", "stored, but discarded by an operator"),
  TRANSFORM_FAILED("HL7-059", "a transformation rule could not be applied"),
  NO_HANDLER("HL7-060", "accepted, but Practice Studio has no handler for this message type"),
  SENDER_UNAVAILABLE("HL7-061", "the interface's sender is missing or disabled"),
  NAK_RECEIVED("HL7-062", "the peer answered with a negative acknowledgment"),
  DELIVERY_FAILED("HL7-063", "the message could not be delivered over MLLP"),
  ACK_INVALID("HL7-064", "the peer's acknowledgment was not valid for the message sent"),
  LISTENER_FAILED("HL7-065", "the listener could not be started"),
  TLS_SETUP_FAILED("HL7-066", "the interface's TLS key store could not be loaded"),
  APPOINTMENT_INCOMPLETE("HL7-067", "the appointment lacks data the SIU message needs"),
  RULE_INCOMPLETE("HL7-068", "a transformation rule lacks a field it needs; fix the rule");

  private final String code;
  private final String text;

  Hl7InterfaceError(String code, String text) {
    this.code = code;
    this.text = text;
  }

  public String code() {
    return code;
  }

  public String text() {
    return text;
  }

  /** {@code code + " " + text}, as written to ERR-8 and the error queue. */
  public String describe() {
    return code + " " + text;
  }
}
