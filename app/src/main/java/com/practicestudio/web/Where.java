package com.practicestudio.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A search's WHERE clause: each filter is added only when its value is given. */
public final class Where {

  private final StringBuilder sql = new StringBuilder(" WHERE true");
  private final List<Object> params = new ArrayList<>();

  public Where and(String clause, Object value) {
    if (value != null && !(value instanceof String s && s.isBlank())) {
      sql.append(" AND ").append(clause);
      params.add(value instanceof Instant i ? Timestamp.from(i) : value);
    }
    return this;
  }

  /** Keyset paging on an id column, ascending. */
  public Where afterCursor(String idColumn, String cursor) {
    long after = Cursor.decodeId(cursor);
    return after > 0 ? and(idColumn + " > ?", after) : this;
  }

  public String sql() {
    return sql.toString();
  }

  /** The parameters, then {@code more} (e.g. the limit). */
  public List<Object> params(Object... more) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(List.of(more));
    return all;
  }
}
