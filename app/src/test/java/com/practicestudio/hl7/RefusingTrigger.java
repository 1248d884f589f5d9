package com.practicestudio.hl7;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A trigger that refuses each insert into {@code table} whose {@code column} starts with {@code
 * prefix}, for as long as the test holds it open: how tests make storing or applying fail.
 */
class RefusingTrigger implements AutoCloseable {

  private final JdbcClient jdbc;
  private final String name;
  private final String table;

  RefusingTrigger(JdbcClient jdbc, String name, String table, String column, String prefix) {
    this.jdbc = jdbc;
    this.name = name;
    this.table = table;
    jdbc.sql(
            """
            CREATE OR REPLACE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.%2$s LIKE '%3$s%%' THEN
                RAISE EXCEPTION 'the test refuses this %4$s row';
              END IF;
              RETURN NEW;
            END $$
            """
                .formatted(name, column, prefix, table))
        .update();
    jdbc.sql(
            "CREATE OR REPLACE TRIGGER %1$s BEFORE INSERT ON %2$s FOR EACH ROW EXECUTE FUNCTION %1$s()"
                .formatted(name, table))
        .update();
  }

  @Override
  public void close() {
    jdbc.sql("DROP TRIGGER IF EXISTS %s ON %s".formatted(name, table)).update();
    jdbc.sql("DROP FUNCTION IF EXISTS %s()".formatted(name)).update();
  }
}
