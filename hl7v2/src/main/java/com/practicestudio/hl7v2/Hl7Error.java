package com.practicestudio.hl7v2;

/**
 * Why HL7 v2 input was refused, with a stable code for logs, ACKs and dashboards.
 *
 * <p>Codes {@code HL7-001} to {@code HL7-049} belong to this parser module; features built on it
 * (the HL7 interface in {@code app/}) take {@code HL7-050} upwards. A code is never reused for a
 * different meaning; uniqueness is checked by {@code Hl7ErrorTest}. Descriptions never contain
 * message content (PHI).
 */
public enum Hl7Error {
  EMPTY_INPUT("HL7-001", "no bytes or only line breaks"),
  MISSING_MSH("HL7-002", "message does not start with an MSH segment"),
  NO_ENCODING_CHARACTERS("HL7-003", "MSH-2 (encoding characters) is empty"),
  INVALID_ENCODING_CHARACTERS("HL7-004", "MSH-2 has more than five characters"),
  INVALID_DELIMITER(
      "HL7-005", "a delimiter is a letter, digit, space, control or line-break character"),
  MISSING_MESSAGE_TYPE("HL7-006", "MSH-9 (message type) is empty"),
  INVALID_SEGMENT_NAME("HL7-007", "a segment name is not three upper-case letters or digits"),
  SEVERAL_MESSAGES("HL7-008", "a second MSH segment inside one message; split it with Hl7Batch"),
  UNDECODABLE_TEXT("HL7-009", "the bytes cannot be decoded as text"),
  INVALID_PATH(
      "HL7-010", "a field path is not of the form SEG(n)-field(rep).component.subcomponent"),
  INVALID_TIMESTAMP(
      "HL7-011", "a value is not an HL7 date/time YYYY[MM[DD[HH[MM[SS[.S...]]]]]][+/-ZZZZ]"),
  INVALID_NUMBER("HL7-012", "a value is not an HL7 number [+|-]digits[.digits]"),
  NOT_HL7(
      "HL7-013", "the input is not HL7 v2 (text before the first MSH, e.g. [SOM]/[EOM] markers)"),
  BATCH_STRUCTURE("HL7-014", "batch envelope segments (FHS/BHS/BTS/FTS) are out of order"),
  BATCH_COUNT_MISMATCH(
      "HL7-015", "BTS-1 or FTS-1 count differs from the messages or batches found"),
  UNENCODABLE_TEXT("HL7-016", "a value cannot be written in the message's character set"),
  INVALID_VALUE(
      "HL7-017", "a value cannot be set at this path (MSH-1/MSH-2, or a missing delimiter)");

  private final String code;
  private final String description;

  Hl7Error(String code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The stable code, e.g. {@code HL7-006}. */
  public String code() {
    return code;
  }

  /** What the code means, without any message content. */
  public String description() {
    return description;
  }
}
