package com.practicestudio.security.audit;

import com.practicestudio.security.Actor;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit trail. Writes join the caller's transaction, so a change and its audit
 * entry commit together. Details hold ids and field names, never PHI values.
 */
@Service
public class AuditLog {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditLog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void record(
      AuditAction action, String targetType, Object targetId, Map<String, ?> detail) {
    write(
        Actor.name(),
        action,
        targetType,
        targetId,
        "SUCCESS",
        Actor.remoteAddress().orElse(null),
        detail);
  }

  public void record(AuditAction action, String targetType, Object targetId) {
    record(action, targetType, targetId, null);
  }

  /** A read of one record's PHI (patient demographics, SSN, a message payload). */
  public void phiRead(String targetType, Object targetId, String via) {
    record(AuditAction.PHI_READ, targetType, targetId, Map.of("via", via));
  }

  /**
   * Reads of several records' PHI at once (e.g. a page of search results): one audit row per
   * record, written in one statement.
   */
  public void phiReads(String targetType, Collection<?> targetIds, String via) {
    if (targetIds.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO audit_event (actor, action, target_type, target_id, outcome, remote_address, detail)
            SELECT ?, ?, ?, t.id, 'SUCCESS', ?, ?::jsonb FROM unnest(?::text[]) WITH ORDINALITY AS t(id, n)
             ORDER BY t.n
            """)
        .params(
            Actor.name(),
            AuditAction.PHI_READ.name(),
            targetType,
            Actor.remoteAddress().orElse(null),
            json.writeValueAsString(Map.of("via", via)),
            targetIds.stream().map(String::valueOf).toArray(String[]::new))
        .update();
  }

  /** For events where the actor is not (yet) the security context's, e.g. a failed login. */
  public void write(
      String actor,
      AuditAction action,
      String targetType,
      Object targetId,
      String outcome,
      String remoteAddress,
      Map<String, ?> detail) {
    jdbc.sql(
            """
            INSERT INTO audit_event (actor, action, target_type, target_id, outcome, remote_address, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
            """)
        .params(
            actor,
            action.name(),
            targetType,
            targetId == null ? null : targetId.toString(),
            outcome,
            remoteAddress,
            detail == null || detail.isEmpty() ? null : json.writeValueAsString(detail))
        .update();
  }

  /** Newest first. */
  public Page<AuditEvent> search(AuditQuery query, int limit, String cursor) {
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE true");
    List<Object> params = new ArrayList<>();
    long before = Cursor.decodeId(cursor);
    if (before > 0) {
      sql.append(" AND id < ?");
      params.add(before);
    }
    if (query.actor() != null && !query.actor().isBlank()) {
      sql.append(" AND actor = ?");
      params.add(query.actor());
    }
    if (query.action() != null) {
      sql.append(" AND action = ?");
      params.add(query.action().name());
    }
    if (query.targetType() != null && !query.targetType().isBlank()) {
      sql.append(" AND target_type = ?");
      params.add(query.targetType());
    }
    if (query.targetId() != null && !query.targetId().isBlank()) {
      sql.append(" AND target_id = ?");
      params.add(query.targetId());
    }
    if (query.from() != null) {
      sql.append(" AND at >= ?");
      params.add(Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      sql.append(" AND at < ?");
      params.add(Timestamp.from(query.to()));
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    params.add(limit + 1);
    List<AuditEvent> rows = jdbc.sql(sql.toString()).params(params).query(this::map).list();
    return Cursor.page(rows, limit, e -> Long.toString(e.id()));
  }

  private AuditEvent map(ResultSet rs, int row) throws SQLException {
    String detail = rs.getString("detail");
    return new AuditEvent(
        rs.getLong("id"),
        rs.getTimestamp("at").toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("target_type"),
        rs.getString("target_id"),
        rs.getString("outcome"),
        rs.getString("remote_address"),
        detail == null ? Map.of() : json.readValue(detail, MAP));
  }

  /** Filters for {@link #search}; nulls match everything. */
  public record AuditQuery(
      String actor,
      AuditAction action,
      String targetType,
      String targetId,
      Instant from,
      Instant to) {}
}
