package com.practicestudio.hl7;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hl7_interface} rows. Settings are stored as JSON (the records' shape); the key store
 * password only sealed, in its own column.
 */
final class InterfaceRepository {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  InterfaceRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A stored interface and its sealed password (null when none). */
  record Stored(Hl7Interface itf, byte[] sealedPassword) {}

  List<Stored> all() {
    return jdbc.sql("SELECT * FROM hl7_interface ORDER BY id").query(this::map).list();
  }

  Optional<Stored> find(long id) {
    return jdbc.sql("SELECT * FROM hl7_interface WHERE id = ?")
        .param(id)
        .query(this::map)
        .optional();
  }

  Optional<Stored> findForUpdate(long id) {
    return jdbc.sql("SELECT * FROM hl7_interface WHERE id = ? FOR UPDATE")
        .param(id)
        .query(this::map)
        .optional();
  }

  boolean nameTaken(String name) {
    return jdbc.sql("SELECT count(*) FROM hl7_interface WHERE lower(name) = lower(?)")
            .param(name)
            .query(Long.class)
            .single()
        > 0;
  }

  long insert(
      String name,
      InterfaceKind kind,
      boolean enabled,
      Object settings,
      byte[] sealed,
      Instant now) {
    return jdbc.sql(
            """
            INSERT INTO hl7_interface (name, kind, enabled, settings, keystore_password, created_at, updated_at)
            VALUES (?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING id
            """)
        .params(
            name,
            kind.name(),
            enabled,
            json.writeValueAsString(settings),
            sealed,
            Timestamp.from(now),
            Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  void update(long id, boolean enabled, Object settings, byte[] sealed, Instant now) {
    jdbc.sql(
            """
            UPDATE hl7_interface SET enabled = ?, settings = ?::jsonb, keystore_password = ?,
                   version = version + 1, updated_at = ?
             WHERE id = ?
            """)
        .params(enabled, json.writeValueAsString(settings), sealed, Timestamp.from(now), id)
        .update();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM hl7_interface WHERE id = ?").param(id).update();
  }

  private Stored map(ResultSet rs, int row) throws SQLException {
    InterfaceKind kind = InterfaceKind.valueOf(rs.getString("kind"));
    byte[] sealed = rs.getBytes("keystore_password");
    String settings = rs.getString("settings");
    ListenerSettings listener = null;
    SenderSettings sender = null;
    if (kind == InterfaceKind.LISTENER) {
      ListenerSettings l = json.readValue(settings, ListenerSettings.class);
      listener = withPasswordSet(l, sealed != null);
    } else {
      SenderSettings s = json.readValue(settings, SenderSettings.class);
      sender =
          new SenderSettings(
              s.host(),
              s.port(),
              s.tls().withPasswordSet(sealed != null),
              s.connectTimeoutMillis(),
              s.ackTimeoutMillis(),
              s.retry(),
              s.messageTypes());
    }
    Hl7Interface itf =
        new Hl7Interface(
            rs.getLong("id"),
            rs.getString("name"),
            kind,
            rs.getBoolean("enabled"),
            listener,
            sender,
            null,
            rs.getInt("version"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    return new Stored(itf, sealed);
  }

  private static ListenerSettings withPasswordSet(ListenerSettings l, boolean set) {
    return new ListenerSettings(
        l.bindAddress(),
        l.port(),
        l.tls().withPasswordSet(set),
        l.allowlist(),
        l.ackMode(),
        l.ackTiming(),
        l.charset(),
        l.maxFrameSize(),
        l.receiveTimeoutMillis(),
        l.readTimeoutMillis(),
        l.idleTimeoutMillis(),
        l.applyTimeoutMillis(),
        l.replySenderId());
  }
}
