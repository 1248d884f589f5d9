package com.practicestudio.sandbox.data;

/** FHIR slot status codes; Cerner lets a client switch only between free and busy-tentative. */
public enum SlotStatus {
  FREE("free"),
  BUSY("busy"),
  BUSY_UNAVAILABLE("busy-unavailable"),
  BUSY_TENTATIVE("busy-tentative");

  private final String code;

  SlotStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static SlotStatus fromCode(String code) {
    for (SlotStatus status : values()) {
      if (status.code.equals(code)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown slot status " + code);
  }
}
