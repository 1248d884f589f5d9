package com.practicestudio.hl7v2;

/** ERR-3 message error condition codes (HL7 table 0357). */
public enum ErrorCondition {
  MESSAGE_ACCEPTED("0", "Message accepted"),
  SEGMENT_SEQUENCE_ERROR("100", "Segment sequence error"),
  REQUIRED_FIELD_MISSING("101", "Required field missing"),
  DATA_TYPE_ERROR("102", "Data type error"),
  TABLE_VALUE_NOT_FOUND("103", "Table value not found"),
  VALUE_TOO_LONG("104", "Value too long"),
  UNSUPPORTED_MESSAGE_TYPE("200", "Unsupported message type"),
  UNSUPPORTED_EVENT_CODE("201", "Unsupported event code"),
  UNSUPPORTED_PROCESSING_ID("202", "Unsupported processing id"),
  UNSUPPORTED_VERSION_ID("203", "Unsupported version id"),
  UNKNOWN_KEY_IDENTIFIER("204", "Unknown key identifier"),
  DUPLICATE_KEY_IDENTIFIER("205", "Duplicate key identifier"),
  APPLICATION_RECORD_LOCKED("206", "Application record locked"),
  APPLICATION_INTERNAL_ERROR("207", "Application internal error");

  private final String code;
  private final String text;

  ErrorCondition(String code, String text) {
    this.code = code;
    this.text = text;
  }

  public String code() {
    return code;
  }

  public String text() {
    return text;
  }
}
