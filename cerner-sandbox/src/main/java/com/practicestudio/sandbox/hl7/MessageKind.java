package com.practicestudio.sandbox.hl7;

import java.util.Locale;

/** The messages the peer generates as a Cerner Millennium interface would send them (v2.3). */
public enum MessageKind {
  ADT_A01("ADT", "A01"),
  ADT_A04("ADT", "A04"),
  ADT_A08("ADT", "A08"),
  ADT_A31("ADT", "A31"),
  ADT_A40("ADT", "A40"),
  SIU_S12("SIU", "S12"),
  SIU_S14("SIU", "S14"),
  SIU_S15("SIU", "S15"),
  ORU_R01("ORU", "R01"),
  DFT_P03("DFT", "P03"),
  MDM_T02("MDM", "T02");

  private final String code;
  private final String trigger;

  MessageKind(String code, String trigger) {
    this.code = code;
    this.trigger = trigger;
  }

  /** MSH-9.1, e.g. {@code ADT}. */
  public String code() {
    return code;
  }

  /** MSH-9.2, e.g. {@code A04}. */
  public String trigger() {
    return trigger;
  }

  /** MSH-9 as written, e.g. {@code ADT^A04}. */
  public String type() {
    return code + "^" + trigger;
  }

  /**
   * Reads {@code ADT^A04}, {@code ADT_A04} or {@code adt^a04}.
   *
   * @throws IllegalArgumentException naming the message types the peer generates
   */
  public static MessageKind of(String text) {
    if (text != null) {
      String wanted = text.trim().toUpperCase(Locale.ROOT).replace('^', '_');
      for (MessageKind kind : values()) {
        if (kind.name().equals(wanted)) {
          return kind;
        }
      }
    }
    throw new IllegalArgumentException(
        "type must be one of ADT^A01, ADT^A04, ADT^A08, ADT^A31, ADT^A40, SIU^S12, SIU^S14,"
            + " SIU^S15, ORU^R01, DFT^P03, MDM^T02");
  }
}
