package com.practicestudio.sandbox.ccl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows of one table at the moment a query runs, with hash indexes built on first use for
 * equality lookups (ids, codes, aliases). Strings are indexed without trailing blanks, as CCL
 * compares them.
 */
final class Table {

  private final TableDef def;
  private final List<Object[]> rows;
  private final Map<Integer, Map<Object, List<Object[]>>> indexes = new ConcurrentHashMap<>();

  Table(TableDef def, List<Object[]> rows) {
    this.def = def;
    this.rows = List.copyOf(rows);
  }

  TableDef def() {
    return def;
  }

  List<Object[]> rows() {
    return rows;
  }

  /** The rows whose column equals {@code key} (a Double or a String). */
  List<Object[]> lookup(int column, Object key) {
    return indexes.computeIfAbsent(column, this::index).getOrDefault(normal(key), List.of());
  }

  private Map<Object, List<Object[]>> index(int column) {
    Map<Object, List<Object[]>> index = new HashMap<>();
    for (Object[] row : rows) {
      if (row[column] != null) {
        index.computeIfAbsent(normal(row[column]), k -> new ArrayList<>()).add(row);
      }
    }
    return index;
  }

  private static Object normal(Object key) {
    return key instanceof String text ? text.stripTrailing() : key;
  }
}
