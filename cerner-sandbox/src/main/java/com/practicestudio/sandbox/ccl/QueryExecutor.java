package com.practicestudio.sandbox.ccl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a {@link QueryPlan} as nested loops over the tables in join order, reading a level through
 * its index when the plan has a lookup for it, then applies DISTINCT, ORDER BY and MAXREC (the
 * first n rows in ORDER BY order; without ORDER BY the loop stops at n).
 */
final class QueryExecutor {

  /** Row combinations examined before a query is stopped as a runaway (missing join condition). */
  static final long EXAMINE_LIMIT = 5_000_000;

  private final QueryPlan plan;
  private final Object[][] current;
  private final List<Object[]> results = new ArrayList<>();
  private final Set<List<Object>> seen = new HashSet<>();
  private final int width;
  private long examined;
  private boolean full;

  private QueryExecutor(QueryPlan plan) {
    this.plan = plan;
    this.current = new Object[plan.steps().size()][];
    this.width = plan.outputs().size();
  }

  static CclResult run(QueryPlan plan) throws CclException {
    return new QueryExecutor(plan).execute();
  }

  private CclResult execute() throws CclException {
    loop(0);
    if (!plan.order().isEmpty()) {
      results.sort(comparator());
    }
    List<List<Object>> rows = new ArrayList<>();
    int limit = plan.maxRec() == null ? Integer.MAX_VALUE : plan.maxRec();
    for (Object[] result : results) {
      if (rows.size() >= limit) {
        break;
      }
      rows.add(Arrays.asList(Arrays.copyOf(result, width)));
    }
    List<CclResult.Column> columns =
        plan.outputs().stream().map(o -> new CclResult.Column(o.name(), o.type())).toList();
    return new CclResult(columns, rows);
  }

  private void loop(int level) throws CclException {
    if (level == current.length) {
      emit();
      return;
    }
    QueryPlan.Step step = plan.steps().get(level);
    List<Object[]> candidates;
    if (step.lookup() != null) {
      Object key = step.lookup().key().eval(current);
      candidates = key == null ? List.of() : step.table().lookup(step.lookup().column(), key);
    } else {
      candidates = step.table().rows();
    }
    for (Object[] row : candidates) {
      if (++examined > EXAMINE_LIMIT) {
        throw new CclException(
            CclException.Kind.EXECUTION,
            null,
            "the query examined more than "
                + EXAMINE_LIMIT
                + " row combinations; join the tables on their ids");
      }
      current[level] = row;
      if (passes(step.filters())) {
        loop(level + 1);
      }
      if (full) {
        break;
      }
    }
    current[level] = null;
  }

  private boolean passes(List<Compiled> filters) throws CclException {
    for (Compiled filter : filters) {
      if (!Values.isTrue(filter.eval(current))) {
        return false;
      }
    }
    return true;
  }

  private void emit() throws CclException {
    List<QueryPlan.OrderKey> order = plan.order();
    Object[] result = new Object[width + order.size()];
    for (int i = 0; i < width; i++) {
      result[i] = plan.outputs().get(i).value().eval(current);
    }
    if (plan.distinct() && !seen.add(Arrays.asList(Arrays.copyOf(result, width)))) {
      return;
    }
    for (int k = 0; k < order.size(); k++) {
      QueryPlan.OrderKey key = order.get(k);
      result[width + k] = key.value() == null ? result[key.output()] : key.value().eval(current);
    }
    results.add(result);
    full = order.isEmpty() && plan.maxRec() != null && results.size() >= plan.maxRec();
  }

  private Comparator<Object[]> comparator() {
    Comparator<Object[]> comparator = (a, b) -> 0;
    for (int k = 0; k < plan.order().size(); k++) {
      int index = width + k;
      Comparator<Object[]> byKey = (a, b) -> Values.ORDER.compare(a[index], b[index]);
      comparator =
          comparator.thenComparing(plan.order().get(k).descending() ? byKey.reversed() : byKey);
    }
    return comparator;
  }
}
