package com.practicestudio.hl7;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes the journal's insert fail, as a full disk or a lost database would, for messages whose
 * control id starts with {@link #PREFIX}, while the test holds it open.
 */
final class FailingStore extends RefusingTrigger {

  static final String PREFIX = "NOSTORE";

  FailingStore(JdbcClient jdbc) {
    super(jdbc, "test_failing_store", "exchange", "message_id", PREFIX);
  }

  /** A control id whose message cannot be stored while this is open. */
  static String controlId() {
    return PREFIX + Hl7Samples.unique();
  }
}
