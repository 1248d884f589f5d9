package com.practicestudio.journal;

/** Into Practice Studio (received, then applied) or out of it (pending, then delivered). */
public enum Direction {
  INBOUND,
  OUTBOUND;

  /** The status a new or requeued row of this direction waits in. */
  public ExchangeStatus waiting() {
    return this == INBOUND ? ExchangeStatus.RECEIVED : ExchangeStatus.PENDING;
  }

  /** The status of a row whose handler succeeded. */
  public ExchangeStatus done() {
    return this == INBOUND ? ExchangeStatus.APPLIED : ExchangeStatus.DELIVERED;
  }
}
