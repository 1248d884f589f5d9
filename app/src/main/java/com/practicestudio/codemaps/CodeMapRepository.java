package com.practicestudio.codemaps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CodeMapRepository implements CodeMapSource {

  private final JdbcClient jdbc;

  CodeMapRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A mapping's columns after validation. */
  record Row(
      CodeMapKind kind,
      String scope,
      String codeSystem,
      String code,
      String value,
      String display,
      boolean preferred) {}

  @Override
  public long revision() {
    return jdbc.sql("SELECT revision FROM code_map_revision WHERE id = 1")
        .query(Long.class)
        .single();
  }

  @Override
  public List<CodeMap> all() {
    return jdbc.sql("SELECT * FROM code_map ORDER BY id").query(CodeMapRepository::map).list();
  }

  long insert(Row r, Instant now) {
    Timestamp at = Timestamp.from(now);
    return jdbc.sql(
            """
            INSERT INTO code_map (kind, scope, code_system, code, value, display, preferred, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            r.kind().wire(),
            r.scope(),
            r.codeSystem(),
            r.code(),
            r.value(),
            r.display(),
            r.preferred(),
            at,
            at)
        .query(Long.class)
        .single();
  }

  void update(long id, Row r, Instant now) {
    jdbc.sql(
            """
            UPDATE code_map SET kind = ?, scope = ?, code_system = ?, code = ?, value = ?, display = ?,
                   preferred = ?, updated_at = ?
             WHERE id = ?
            """)
        .params(
            r.kind().wire(),
            r.scope(),
            r.codeSystem(),
            r.code(),
            r.value(),
            r.display(),
            r.preferred(),
            Timestamp.from(now),
            id)
        .update();
  }

  boolean delete(long id) {
    return jdbc.sql("DELETE FROM code_map WHERE id = ?").param(id).update() > 0;
  }

  Optional<CodeMap> find(long id) {
    return jdbc.sql("SELECT * FROM code_map WHERE id = ?")
        .param(id)
        .query(CodeMapRepository::map)
        .optional();
  }

  /** The mapping with this key (kind, scope, code system, code ignoring case). */
  Optional<CodeMap> findByKey(Row r) {
    return jdbc.sql(
            """
            SELECT * FROM code_map WHERE kind = ? AND coalesce(scope, '') = coalesce(?, '')
               AND code_system = ? AND lower(code) = lower(?)
            """)
        .params(r.kind().wire(), r.scope(), r.codeSystem(), r.code())
        .query(CodeMapRepository::map)
        .optional();
  }

  List<CodeMap> list(CodeMapQuery q, long afterId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM code_map WHERE id > ?");
    List<Object> params = new ArrayList<>(List.of(afterId));
    if (q.kind() != null) {
      sql.append(" AND kind = ?");
      params.add(q.kind().wire());
    }
    if (q.scope() != null) {
      sql.append(" AND scope = ?");
      params.add(q.scope());
    }
    if (q.codeSystem() != null) {
      sql.append(" AND code_system = ?");
      params.add(q.codeSystem());
    }
    if (q.code() != null) {
      sql.append(" AND lower(code) = lower(?)");
      params.add(q.code());
    }
    if (q.value() != null) {
      sql.append(" AND value = ?");
      params.add(q.value());
    }
    sql.append(" ORDER BY id LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(CodeMapRepository::map).list();
  }

  /** Every mapping (of one kind when given), in a stable order for files. */
  List<CodeMap> export(CodeMapKind kind) {
    String sql =
        "SELECT * FROM code_map"
            + (kind == null ? "" : " WHERE kind = ?")
            + " ORDER BY kind, scope NULLS FIRST, code_system, lower(code), id";
    JdbcClient.StatementSpec spec = jdbc.sql(sql);
    if (kind != null) {
      spec = spec.param(kind.wire());
    }
    return spec.query(CodeMapRepository::map).list();
  }

  private static CodeMap map(ResultSet rs, int row) throws SQLException {
    return new CodeMap(
        rs.getLong("id"),
        CodeMapKind.fromWire(rs.getString("kind")).orElseThrow(),
        rs.getString("scope"),
        rs.getString("code_system"),
        rs.getString("code"),
        rs.getString("value"),
        rs.getString("display"),
        rs.getBoolean("preferred"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
