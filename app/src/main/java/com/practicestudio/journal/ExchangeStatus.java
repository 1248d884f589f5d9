package com.practicestudio.journal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a journal row stands. Inbound: {@code RECEIVED → PROCESSING → APPLIED | FAILED | IGNORED};
 * outbound: {@code PENDING → PROCESSING → DELIVERED | FAILED}. A retryable failure sends a row back
 * to RECEIVED/PENDING with a later next-attempt time; an operator may discard a waiting or failed
 * row ({@code DISCARDED}) or requeue a finished one.
 */
public enum ExchangeStatus {
  RECEIVED,
  PENDING,
  PROCESSING,
  APPLIED,
  DELIVERED,
  FAILED,
  IGNORED,
  DISCARDED;

  /** Statuses an operator may reprocess (requeue or dry-run). */
  public static final Set<ExchangeStatus> REPROCESSABLE =
      EnumSet.of(FAILED, APPLIED, DELIVERED, IGNORED);

  /** Statuses an operator may discard. */
  public static final Set<ExchangeStatus> DISCARDABLE = EnumSet.of(FAILED, RECEIVED, PENDING);

  /**
   * Statuses that end a row outside the applied path; the journal's {@code exceptional} column
   * repeats them (NULL for every other status) and is indexed instead of {@code status}.
   */
  static final Set<ExchangeStatus> EXCEPTIONAL = EnumSet.of(FAILED, IGNORED, DISCARDED);

  /** Waiting for a worker (now or after a retry delay). */
  public boolean waiting() {
    return this == RECEIVED || this == PENDING;
  }

  /** No worker will touch the row again unless an operator requeues it. */
  public boolean finished() {
    return !waiting() && this != PROCESSING;
  }
}
