package com.practicestudio.billing;

import com.practicestudio.web.Cursor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A search's WHERE clause: each filter is added only when its value is given. */
final class Where {

  private final StringBuilder sql = new StringBuilder(" WHERE true");
  private final List<Object> params = new ArrayList<>();

  Where and(String clause, Object value) {
    if (value != null && !(value instanceof String s && s.isBlank())) {
      sql.append(" AND ").append(clause);
      params.add(value instanceof Instant i ? Timestamp.from(i) : value);
    }
    return this;
  }

  /** Keyset paging on an id column, ascending. */
  Where afterCursor(String idColumn, String cursor) {
    long after = Cursor.decodeId(cursor);
    return after > 0 ? and(idColumn + " > ?", after) : this;
  }

  String sql() {
    return sql.toString();
  }

  /** The parameters, then {@code more} (e.g. the limit). */
  List<Object> params(Object... more) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(List.of(more));
    return all;
  }
}
