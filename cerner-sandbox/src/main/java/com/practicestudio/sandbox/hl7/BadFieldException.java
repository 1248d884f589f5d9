package com.practicestudio.sandbox.hl7;

/** A request field the admin API cannot use; its message names the field, never its value. */
final class BadFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  BadFieldException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  String field() {
    return field;
  }
}
