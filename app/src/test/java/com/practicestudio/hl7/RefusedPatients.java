package com.practicestudio.hl7;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes applying fail, as a database constraint added by mistake would, for patients whose MRN
 * starts with {@link #PREFIX}: a trigger that lives while the test holds it open. Closing it is the
 * operator's fix; a reprocess then applies the message.
 */
final class RefusedPatients implements AutoCloseable {

  static final String PREFIX = "NOAPPLY";

  private final JdbcClient jdbc;

  RefusedPatients(JdbcClient jdbc) {
    this.jdbc = jdbc;
    jdbc.sql(
            """
            CREATE OR REPLACE FUNCTION test_refused_patient() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.mrn LIKE 'NOAPPLY%' THEN
                RAISE EXCEPTION 'the test refuses this patient';
              END IF;
              RETURN NEW;
            END $$
            """)
        .update();
    jdbc.sql(
            "CREATE OR REPLACE TRIGGER test_refused_patient BEFORE INSERT ON patient"
                + " FOR EACH ROW EXECUTE FUNCTION test_refused_patient()")
        .update();
  }

  @Override
  public void close() {
    jdbc.sql("DROP TRIGGER IF EXISTS test_refused_patient ON patient").update();
    jdbc.sql("DROP FUNCTION IF EXISTS test_refused_patient()").update();
  }
}
