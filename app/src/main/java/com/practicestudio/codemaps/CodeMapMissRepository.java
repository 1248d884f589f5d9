package com.practicestudio.codemaps;

import com.practicestudio.codemaps.CodeMapMissTally.Count;
import com.practicestudio.codemaps.CodeMapMissTally.Key;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CodeMapMissRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  CodeMapMissRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * Adds the counts to their rows (creating the rows first seen), in one batch. A journal row
   * counted by an earlier write is not counted again when it is still the code's latest row; one
   * counted earlier and followed by others cannot be told apart here (nothing keeps every row).
   */
  void add(List<Map.Entry<Key, Count>> counts) {
    List<Object[]> rows = new ArrayList<>(counts.size());
    for (Map.Entry<Key, Count> e : counts) {
      Key k = e.getKey();
      Count c = e.getValue();
      rows.add(
          new Object[] {
            k.kind().wire(),
            k.scope(),
            k.codeSystem(),
            k.code(),
            c.times(),
            Timestamp.from(c.firstSeen()),
            Timestamp.from(c.lastSeen()),
            c.lastExchangeId(),
            rowArray(c)
          });
    }
    batch.batchUpdate(
        """
        INSERT INTO code_map_miss
               (kind, scope, code_system, code, times, first_seen, last_seen, last_exchange_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT ON CONSTRAINT code_map_miss_key DO UPDATE SET
               -- a row counted by an earlier write (it is still the latest) and applied again
               times = code_map_miss.times + excluded.times
                   - CASE WHEN code_map_miss.last_exchange_id = ANY (CAST(? AS bigint[]))
                          THEN 1 ELSE 0 END,
               first_seen = least(code_map_miss.first_seen, excluded.first_seen),
               last_seen = greatest(code_map_miss.last_seen, excluded.last_seen),
               last_exchange_id = CASE
                   WHEN excluded.last_exchange_id IS NOT NULL
                        AND excluded.last_seen >= code_map_miss.last_seen
                   THEN excluded.last_exchange_id
                   ELSE code_map_miss.last_exchange_id END
        """,
        rows,
        new int[] {
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.BIGINT,
          Types.TIMESTAMP,
          Types.TIMESTAMP,
          Types.BIGINT,
          Types.VARCHAR
        });
  }

  /** The rows a count holds as a PostgreSQL array literal, e.g. {@code {12,13}}. */
  private static String rowArray(Count c) {
    return c.rows().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
  }

  /** Misses after {@code afterId} in id order (of one kind when given). */
  List<CodeMapMiss> list(CodeMapKind kind, long afterId, int limit) {
    String sql =
        "SELECT * FROM code_map_miss WHERE id > ?"
            + (kind == null ? "" : " AND kind = ?")
            + " ORDER BY id LIMIT ?";
    List<Object> params = new ArrayList<>(List.of(afterId));
    if (kind != null) {
      params.add(kind.wire());
    }
    params.add(limit);
    return jdbc.sql(sql).params(params).query(CodeMapMissRepository::map).list();
  }

  private static CodeMapMiss map(ResultSet rs, int row) throws SQLException {
    long exchange = rs.getLong("last_exchange_id");
    Long lastExchangeId = rs.wasNull() ? null : exchange;
    return new CodeMapMiss(
        rs.getLong("id"),
        CodeMapKind.fromWire(rs.getString("kind")).orElseThrow(),
        emptyToNull(rs.getString("scope")),
        emptyToNull(rs.getString("code_system")),
        rs.getString("code"),
        rs.getLong("times"),
        rs.getTimestamp("first_seen").toInstant(),
        rs.getTimestamp("last_seen").toInstant(),
        lastExchangeId);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
