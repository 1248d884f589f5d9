package com.practicestudio.sandbox.ccl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table's name and columns (names as Millennium spells them, upper case). */
record TableDef(String name, List<ColumnDef> columns) {

  record ColumnDef(String name, CclType type) {}

  TableDef {
    columns = List.copyOf(columns);
  }

  /** The column's position, or -1. */
  int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  /** Builds a definition from name/type pairs: {@code "PERSON_ID", F8, "NAME_LAST", VC, ...}. */
  static TableDef of(String name, Object... pairs) {
    Map<String, CclType> columns = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      columns.put((String) pairs[i], (CclType) pairs[i + 1]);
    }
    return new TableDef(
        name,
        columns.entrySet().stream().map(e -> new ColumnDef(e.getKey(), e.getValue())).toList());
  }
}
