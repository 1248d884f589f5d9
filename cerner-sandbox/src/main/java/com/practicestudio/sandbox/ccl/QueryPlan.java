package com.practicestudio.sandbox.ccl;

import java.util.List;

/**
 * A SELECT bound to tables, ready to run: the tables in join order, each with its conditions and,
 * when one of them is {@code column = value-known-before}, an index lookup instead of a scan.
 */
record QueryPlan(
    List<Step> steps,
    List<Output> outputs,
    List<OrderKey> order,
    boolean distinct,
    Integer maxRec) {

  /** One table of the nested loop. */
  record Step(String alias, Table table, Lookup lookup, List<Compiled> filters) {}

  /** Read the rows whose {@code column} equals {@code key} through the table's index. */
  record Lookup(int column, Compiled key) {}

  /** A column of the answer. */
  record Output(String name, CclType type, Compiled value) {}

  /** A sort key: an expression, or an answer column by index when {@code value} is null. */
  record OrderKey(Compiled value, int output, boolean descending) {}
}
