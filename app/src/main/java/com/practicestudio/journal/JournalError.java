package com.practicestudio.journal;

/** The journal's own error codes, stable: operators search the error queue by them. */
public enum JournalError {
  NO_HANDLER("JOURNAL-001", "no handler is registered for this channel, direction and type"),
  HANDLER_EXCEPTION("JOURNAL-002", "the handler threw an unexpected exception"),
  LEASE_EXPIRED("JOURNAL-003", "the worker holding the row stopped before finishing it"),
  PAYLOAD_UNREADABLE("JOURNAL-004", "the payload could not be decrypted"),
  DATABASE("JOURNAL-005", "a database error ended the attempt"),
  DUPLICATE_KEY(
      "JOURNAL-006",
      "the record to create exists already (another exchange may have created it at the same time)"),
  CONTROL_ID_REUSED(
      "JOURNAL-007",
      "the sender reused a control id for a different message; it was recorded under an id of its"
          + " own");

  private final String code;
  private final String text;

  JournalError(String code, String text) {
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
