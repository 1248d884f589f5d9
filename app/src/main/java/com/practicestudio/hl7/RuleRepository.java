package com.practicestudio.hl7;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code hl7_rule} rows; positions are kept dense (1, 2, 3 …) per interface and kind. Every rule
 * whose position changes gets a new version: a page read before the shift still holds the old
 * version, so its move or change of a shifted rule is refused rather than applied to a list that
 * looks different now.
 */
final class RuleRepository {

  private final JdbcClient jdbc;

  RuleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A rule's columns after validation. */
  record Row(
      RuleKind kind,
      RuleAction action,
      boolean enabled,
      String description,
      RuleMatch match,
      String targetPath,
      String sourcePath,
      String value,
      String codeMapKind,
      String codeSystem) {}

  List<Hl7Rule> all() {
    return jdbc.sql("SELECT * FROM hl7_rule ORDER BY interface_id, kind, position")
        .query(RuleRepository::map)
        .list();
  }

  List<Hl7Rule> of(long interfaceId) {
    return jdbc.sql("SELECT * FROM hl7_rule WHERE interface_id = ? ORDER BY kind, position")
        .param(interfaceId)
        .query(RuleRepository::map)
        .list();
  }

  Optional<Hl7Rule> find(long interfaceId, long id) {
    return jdbc.sql("SELECT * FROM hl7_rule WHERE interface_id = ? AND id = ?")
        .params(interfaceId, id)
        .query(RuleRepository::map)
        .optional();
  }

  int count(long interfaceId, RuleKind kind) {
    return jdbc.sql("SELECT count(*) FROM hl7_rule WHERE interface_id = ? AND kind = ?")
        .params(interfaceId, kind.name())
        .query(Integer.class)
        .single();
  }

  /** Moves the rules at and after {@code position} down one. */
  void openGap(long interfaceId, RuleKind kind, int position) {
    shiftRange(interfaceId, kind, position, Integer.MAX_VALUE, +1);
  }

  /** Moves the rules after {@code position} up one. */
  void closeGap(long interfaceId, RuleKind kind, int position) {
    shiftRange(interfaceId, kind, position + 1, Integer.MAX_VALUE, -1);
  }

  /**
   * Makes room for the rule at {@code from} to go to {@code to}: the rules between shift by one
   * towards {@code from}; the rule itself and every other rule keep their position.
   */
  void makeRoomForMove(long interfaceId, RuleKind kind, int from, int to) {
    if (to < from) {
      shiftRange(interfaceId, kind, to, from - 1, +1);
    } else if (to > from) {
      shiftRange(interfaceId, kind, from + 1, to, -1);
    }
  }

  private void shiftRange(long interfaceId, RuleKind kind, int first, int last, int by) {
    jdbc.sql(
            "UPDATE hl7_rule SET position = position + ?, version = version + 1"
                + " WHERE interface_id = ? AND kind = ? AND position BETWEEN ? AND ?")
        .params(by, interfaceId, kind.name(), first, last)
        .update();
  }

  long insert(long interfaceId, int position, Row r, Instant now) {
    Timestamp at = Timestamp.from(now);
    RuleMatch m = r.match();
    return jdbc.sql(
            """
            INSERT INTO hl7_rule (interface_id, kind, position, action, enabled, description,
                match_message_type, match_trigger, match_facility, match_path, match_value,
                target_path, source_path, value, code_map_kind, code_system, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            interfaceId,
            r.kind().name(),
            position,
            r.action().name(),
            r.enabled(),
            r.description(),
            m.messageType(),
            m.triggerEvent(),
            m.sendingFacility(),
            m.fieldPath(),
            m.fieldValue(),
            r.targetPath(),
            r.sourcePath(),
            r.value(),
            r.codeMapKind(),
            r.codeSystem(),
            at,
            at)
        .query(Long.class)
        .single();
  }

  void update(long id, int position, Row r, Instant now) {
    RuleMatch m = r.match();
    jdbc.sql(
            """
            UPDATE hl7_rule SET position = ?, action = ?, enabled = ?, description = ?,
                   match_message_type = ?, match_trigger = ?, match_facility = ?, match_path = ?,
                   match_value = ?, target_path = ?, source_path = ?, value = ?, code_map_kind = ?,
                   code_system = ?, version = version + 1, updated_at = ?
             WHERE id = ?
            """)
        .params(
            position,
            r.action().name(),
            r.enabled(),
            r.description(),
            m.messageType(),
            m.triggerEvent(),
            m.sendingFacility(),
            m.fieldPath(),
            m.fieldValue(),
            r.targetPath(),
            r.sourcePath(),
            r.value(),
            r.codeMapKind(),
            r.codeSystem(),
            Timestamp.from(now),
            id)
        .update();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM hl7_rule WHERE id = ?").param(id).update();
  }

  static Hl7Rule map(ResultSet rs, int row) throws SQLException {
    return new Hl7Rule(
        rs.getLong("id"),
        rs.getLong("interface_id"),
        RuleKind.valueOf(rs.getString("kind")),
        rs.getInt("position"),
        RuleAction.valueOf(rs.getString("action")),
        rs.getBoolean("enabled"),
        rs.getString("description"),
        new RuleMatch(
            rs.getString("match_message_type"),
            rs.getString("match_trigger"),
            rs.getString("match_facility"),
            rs.getString("match_path"),
            rs.getString("match_value")),
        rs.getString("target_path"),
        rs.getString("source_path"),
        rs.getString("value"),
        rs.getString("code_map_kind"),
        rs.getString("code_system"),
        rs.getInt("version"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
