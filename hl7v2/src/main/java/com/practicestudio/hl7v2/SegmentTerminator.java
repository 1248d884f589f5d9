package com.practicestudio.hl7v2;

/** The line break written after each segment when encoding with normalised terminators. */
public enum SegmentTerminator {
  /** Carriage return: what HL7 v2 prescribes and what MLLP peers expect. */
  CR("\r"),
  LF("\n"),
  CRLF("\r\n");

  private final String text;

  SegmentTerminator(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
