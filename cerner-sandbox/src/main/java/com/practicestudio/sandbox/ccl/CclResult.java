package com.practicestudio.sandbox.ccl;

import java.util.List;

/** The answer of a SELECT: named, typed columns and rows of values (Double, String, Instant). */
record CclResult(List<Column> columns, List<List<Object>> rows) {

  record Column(String name, CclType type) {}
}
