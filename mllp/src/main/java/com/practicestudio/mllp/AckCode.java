package com.practicestudio.mllp;

/** MSA-1, the acknowledgment code (HL7 table 0008). */
public enum AckCode {
  /** Original mode: application accept. */
  AA,
  /** Original mode: application error. */
  AE,
  /** Original mode: application reject. */
  AR,
  /** Enhanced mode: commit accept. */
  CA,
  /** Enhanced mode: commit error. */
  CE,
  /** Enhanced mode: commit reject. */
  CR;

  /** AA or CA: the peer took the message. */
  public boolean accepted() {
    return this == AA || this == CA;
  }
}
