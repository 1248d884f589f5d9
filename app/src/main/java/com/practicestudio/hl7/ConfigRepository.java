package com.practicestudio.hl7;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code hl7_config} row: the change generation and the default listener's marker. */
final class ConfigRepository {

  private final JdbcClient jdbc;

  ConfigRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long generation() {
    return jdbc.sql("SELECT generation FROM hl7_config WHERE id = 1").query(Long.class).single();
  }

  /** Counts a change; every node reloads when it sees a new generation. */
  void bump() {
    jdbc.sql("UPDATE hl7_config SET generation = generation + 1 WHERE id = 1").update();
  }

  /**
   * Claims the creation of the default listener: true exactly once, for the first caller (the row
   * lock makes concurrent first starts of several nodes wait for each other).
   */
  boolean claimDefaultListener() {
    return jdbc.sql(
                "UPDATE hl7_config SET default_listener_created = true"
                    + " WHERE id = 1 AND NOT default_listener_created")
            .update()
        == 1;
  }
}
