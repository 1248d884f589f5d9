package com.practicestudio.sandbox.hl7;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message control ids in the Open Engine form {@code Q<queue id>T<transaction id>}, e.g. {@code
 * Q1283765463T1850878697}. The queue id is drawn once per peer and the transaction ids count up
 * from a random start, so two sandboxes in one test run never hand out the same id by accident.
 */
final class ControlIds {

  private final long queue;
  private final AtomicLong transaction;

  ControlIds() {
    this(new SecureRandom());
  }

  ControlIds(java.util.Random random) {
    this.queue = 1_000_000_000L + (long) (random.nextDouble() * 8_999_999_999L);
    this.transaction = new AtomicLong(1_000_000_000L + random.nextInt(1_000_000_000));
  }

  String next() {
    return "Q" + queue + "T" + transaction.getAndIncrement();
  }
}
