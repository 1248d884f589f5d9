package com.practicestudio.billing;

/** Stable codes of billing's state conflicts (answered 409); the code leads the message. */
enum BillingError {
  CLAIM_TRANSITION("BILL-001"),
  CHARGE_LOCKED("BILL-002"),
  CLAIM_LOCKED("BILL-003"),
  STALE_VERSION("BILL-004");

  private final String code;

  BillingError(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }

  com.practicestudio.web.ConflictException conflict(String detail) {
    return new com.practicestudio.web.ConflictException(code + " " + detail);
  }
}
