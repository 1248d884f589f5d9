package com.practicestudio.hl7;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MSH-10 of the messages Practice Studio sends (SIU, application ACKs): {@code PS} and a number
 * from a database sequence, so unique across nodes and restarts.
 */
public final class ControlIds {

  private final JdbcClient jdbc;

  ControlIds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public String next() {
    return "PS" + jdbc.sql("SELECT nextval('hl7_control_id')").query(Long.class).single();
  }
}
