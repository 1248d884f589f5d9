package com.practicestudio.sandbox.ccl;

import java.util.List;

/**
 * A parsed SELECT command.
 *
 * @param plan the PLAN/JOIN steps in order, empty when the query has a plain WHERE (or none)
 * @param where the plain WHERE condition, null when absent or when the query has a PLAN
 * @param maxRec the WITH MAXREC limit, null when absent
 */
record Select(
    boolean distinct,
    List<Item> items,
    List<TableRef> from,
    List<PlanStep> plan,
    Expr where,
    List<Order> orderBy,
    Integer maxRec,
    Pos pos) {

  Select {
    items = List.copyOf(items);
    from = List.copyOf(from);
    plan = List.copyOf(plan);
    orderBy = List.copyOf(orderBy);
  }

  /** A select-list entry; {@code name} is null when the text gives none. */
  record Item(Expr expr, String name, Pos pos) {}

  /** {@code TABLE alias} in FROM. */
  record TableRef(String table, String alias, Pos pos) {}

  /** {@code PLAN alias WHERE ...} or {@code JOIN alias WHERE ...}; {@code where} may be null. */
  record PlanStep(String alias, Expr where, Pos pos) {}

  record Order(Expr expr, boolean descending) {}
}
