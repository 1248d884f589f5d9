package com.practicestudio.hl7v2;

/**
 * HL7 v2 input (or a path, or a typed value) was refused. Carries a stable {@link Hl7Error} code
 * and the character offset in the message text where the problem was found ({@code -1} when it has
 * no position). The message text names the code, the problem and the position, never field content,
 * so it is safe to log.
 */
public final class Hl7ParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Hl7Error error;
  private final int offset;

  public Hl7ParseException(Hl7Error error, int offset, String detail) {
    super(format(error, offset, detail));
    this.error = error;
    this.offset = offset;
  }

  public Hl7ParseException(Hl7Error error, int offset) {
    this(error, offset, null);
  }

  public Hl7Error error() {
    return error;
  }

  /** The stable code, e.g. {@code HL7-006}. */
  public String code() {
    return error.code();
  }

  /** Character offset in the message text (after any byte-order mark), or -1. */
  public int offset() {
    return offset;
  }

  private static String format(Hl7Error error, int offset, String detail) {
    StringBuilder text = new StringBuilder(error.code()).append(' ').append(error.description());
    if (detail != null) {
      text.append(" (").append(detail).append(')');
    }
    if (offset >= 0) {
      text.append(" at offset ").append(offset);
    }
    return text.toString();
  }
}
