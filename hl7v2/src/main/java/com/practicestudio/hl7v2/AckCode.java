package com.practicestudio.hl7v2;

/** MSA-1 acknowledgment codes (HL7 table 0008). */
public enum AckCode {
  /** Original mode: accepted and processed. */
  AA,
  /** Original mode: error, the sender may correct and resend. */
  AE,
  /** Original mode: rejected (unsupported type, version, processing id...), do not resend as is. */
  AR,
  /** Enhanced mode: commit accept (stored safely). */
  CA,
  /** Enhanced mode: commit error. */
  CE,
  /** Enhanced mode: commit reject. */
  CR;

  /** AE, AR, CE and CR: an ERR segment is written. */
  public boolean isError() {
    return this != AA && this != CA;
  }
}
