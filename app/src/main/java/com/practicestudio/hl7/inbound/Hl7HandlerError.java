package com.practicestudio.hl7.inbound;

import com.practicestudio.journal.ExchangeFailure;

/**
 * Why an inbound HL7 message could not be applied to Practice Studio's records. Codes are stable
 * ({@code HL7-100} upwards: the parser owns {@code HL7-001}…{@code HL7-049}, the listener side
 * {@code HL7-050}…{@code HL7-099}); operators search the error queue by them. The texts that go
 * with a code name the segment and field ({@code PID-7 is not a date}) and never hold a value from
 * the message.
 */
public enum Hl7HandlerError {
  UNREADABLE_MESSAGE("HL7-100", "the payload is not a readable HL7 v2 message"),
  WRONG_MESSAGE_TYPE("HL7-101", "MSH-9 does not match the message type the row was recorded as"),
  MISSING_SEGMENT("HL7-102", "a segment the message type needs is missing"),
  NO_PATIENT_IDENTIFIER("HL7-103", "PID-3 carries no patient identifier"),
  MISSING_FIELD("HL7-104", "a field the record needs is empty"),
  BAD_DATE("HL7-105", "a date/time field is not an HL7 date/time"),
  BAD_NUMBER("HL7-106", "a numeric field is not a number"),
  REFUSED_VALUE("HL7-107", "Practice Studio refused a value of the message (the field is named)"),
  PATIENT_CONFLICT(
      "HL7-108", "the identifiers name different patients, or the record is another patient's"),
  BAD_CONTENT("HL7-109", "an encapsulated document is empty, undecodable or of a refused type"),
  MERGE_REFUSED("HL7-110", "the merge cannot be done as asked"),
  RECORD_CONFLICT("HL7-111", "the record cannot take the change (changed meanwhile, locked)"),
  TRANSACTION_NOT_APPLIED(
      "HL7-112",
      "an FT1 transaction that is no charge (a credit, payment, adjustment) is not posted");

  private final String code;
  private final String meaning;

  Hl7HandlerError(String code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public String code() {
    return code;
  }

  /** What the code means in general; the text of one failure says where. */
  public String meaning() {
    return meaning;
  }

  /** Ends the attempt as FAILED with this code and {@code text} (no PHI: name fields only). */
  ExchangeFailure failure(String text) {
    return ExchangeFailure.permanent(code, text);
  }
}
