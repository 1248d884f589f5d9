package com.practicestudio.hl7;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes the journal's insert fail, as a full disk or a lost database would, for messages whose
 * control id starts with {@link #PREFIX}: a trigger that lives while the test holds it open.
 */
final class FailingStore implements AutoCloseable {

  static final String PREFIX = "NOSTORE";

  private final JdbcClient jdbc;

  FailingStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
    jdbc.sql(
            """
            CREATE OR REPLACE FUNCTION test_failing_store() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.message_id LIKE 'NOSTORE%' THEN
                RAISE EXCEPTION 'the test refuses to store this message';
              END IF;
              RETURN NEW;
            END $$
            """)
        .update();
    jdbc.sql(
            "CREATE TRIGGER test_failing_store BEFORE INSERT ON exchange"
                + " FOR EACH ROW EXECUTE FUNCTION test_failing_store()")
        .update();
  }

  /** A control id whose message cannot be stored while this is open. */
  static String controlId() {
    return PREFIX + Hl7Samples.unique();
  }

  @Override
  public void close() {
    jdbc.sql("DROP TRIGGER IF EXISTS test_failing_store ON exchange").update();
    jdbc.sql("DROP FUNCTION IF EXISTS test_failing_store()").update();
  }
}
