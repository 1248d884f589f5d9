package com.practicestudio.sandbox.ccl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed SELECT into a {@link QueryPlan}: checks tables, aliases and the PLAN, splits the
 * conditions into AND-ed parts attached to the first table level where they can be tested, and
 * picks an index lookup for a level when a part reads {@code alias.column = <known value>}.
 */
final class QueryCompiler {

  private QueryCompiler() {}

  static QueryPlan compile(Select select, RunContext run) throws CclException {
    Map<String, Select.TableRef> byAlias = new LinkedHashMap<>();
    for (Select.TableRef ref : select.from()) {
      if (!MillenniumTables.ALL.containsKey(ref.table())) {
        throw CclException.semantic(
            ref.pos(),
            "unknown table " + ref.table() + " (tables: " + MillenniumTables.ALL.keySet() + ")");
      }
      if (byAlias.put(ref.alias(), ref) != null) {
        throw CclException.semantic(ref.pos(), "alias " + ref.alias() + " is used twice in FROM");
      }
    }
    List<String> order = joinOrder(select, byAlias);
    Map<String, Integer> levels = new HashMap<>();
    List<TableDef> defs = new ArrayList<>();
    for (String alias : order) {
      levels.put(alias, defs.size());
      defs.add(MillenniumTables.ALL.get(byAlias.get(alias).table()));
    }
    ExprCompiler compiler = new ExprCompiler(levels, defs, run);
    List<List<Expr>> parts = conditionParts(select, order.size(), levels, compiler);
    List<QueryPlan.Step> steps = new ArrayList<>();
    for (int level = 0; level < order.size(); level++) {
      List<Compiled> filters = new ArrayList<>();
      for (Expr part : parts.get(level)) {
        filters.add(compiler.condition(part, "WHERE"));
      }
      QueryPlan.Lookup lookup = lookup(parts.get(level), level, compiler);
      String alias = order.get(level);
      steps.add(new QueryPlan.Step(alias, run.table(defs.get(level).name()), lookup, filters));
    }
    List<QueryPlan.Output> outputs = outputs(select, compiler);
    return new QueryPlan(
        steps, outputs, orderKeys(select, outputs, compiler), select.distinct(), select.maxRec());
  }

  private static List<String> joinOrder(Select select, Map<String, Select.TableRef> byAlias)
      throws CclException {
    if (select.plan().isEmpty()) {
      return new ArrayList<>(byAlias.keySet());
    }
    List<String> order = new ArrayList<>();
    for (Select.PlanStep step : select.plan()) {
      if (!byAlias.containsKey(step.alias())) {
        throw CclException.semantic(
            step.pos(), "PLAN/JOIN names " + step.alias() + ", which is not an alias in FROM");
      }
      if (order.contains(step.alias())) {
        throw CclException.semantic(step.pos(), step.alias() + " is planned twice");
      }
      order.add(step.alias());
    }
    for (Select.TableRef ref : byAlias.values()) {
      if (!order.contains(ref.alias())) {
        throw CclException.semantic(
            ref.pos(), "table alias " + ref.alias() + " is in FROM but not in the PLAN");
      }
    }
    return order;
  }

  /** The AND-ed parts of the conditions, by the level where each is tested. */
  private static List<List<Expr>> conditionParts(
      Select select, int count, Map<String, Integer> levels, ExprCompiler compiler)
      throws CclException {
    List<List<Expr>> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      parts.add(new ArrayList<>());
    }
    if (select.plan().isEmpty()) {
      if (select.where() != null) {
        compiler.condition(select.where(), "WHERE");
        for (Expr part : split(select.where())) {
          parts.get(Math.max(0, compiler.compile(part).level())).add(part);
        }
      }
      return parts;
    }
    for (Select.PlanStep step : select.plan()) {
      if (step.where() == null) {
        continue;
      }
      int level = levels.get(step.alias());
      compiler.condition(step.where(), "PLAN/JOIN");
      for (Expr part : split(step.where())) {
        if (compiler.compile(part).level() > level) {
          throw CclException.semantic(
              part.pos(), "the condition of " + step.alias() + " reads a table joined after it");
        }
        parts.get(level).add(part);
      }
    }
    return parts;
  }

  private static List<Expr> split(Expr condition) {
    if (condition instanceof Expr.Binary b && b.op() == Expr.Op.AND) {
      List<Expr> parts = new ArrayList<>(split(b.left()));
      parts.addAll(split(b.right()));
      return parts;
    }
    return List.of(condition);
  }

  private static QueryPlan.Lookup lookup(List<Expr> parts, int level, ExprCompiler compiler)
      throws CclException {
    for (Expr part : parts) {
      if (!(part instanceof Expr.Binary b) || b.op() != Expr.Op.EQ) {
        continue;
      }
      QueryPlan.Lookup lookup = lookup(b.left(), b.right(), level, compiler);
      if (lookup == null) {
        lookup = lookup(b.right(), b.left(), level, compiler);
      }
      if (lookup != null) {
        return lookup;
      }
    }
    return null;
  }

  private static QueryPlan.Lookup lookup(
      Expr columnSide, Expr keySide, int level, ExprCompiler compiler) throws CclException {
    if (!(columnSide instanceof Expr.Column)) {
      return null;
    }
    Compiled column = compiler.compile(columnSide);
    Compiled key = compiler.compile(keySide);
    boolean sameType =
        column.type() == key.type() && (column.type() == CclType.F8 || column.type() == CclType.VC);
    if (column.level() != level || key.level() >= level || !sameType) {
      return null;
    }
    return new QueryPlan.Lookup(compiler.columnIndex((Expr.Column) columnSide), key);
  }

  private static List<QueryPlan.Output> outputs(Select select, ExprCompiler compiler)
      throws CclException {
    List<QueryPlan.Output> outputs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < select.items().size(); i++) {
      Select.Item item = select.items().get(i);
      Compiled value = compiler.compile(item.expr());
      if (value.type() == CclType.BOOL) {
        Compiled condition = value;
        value = Compiled.of(CclType.F8, v -> Values.isTrue(v[0]) ? 1d : 0d, condition);
      }
      String name = item.name() != null ? item.name() : defaultName(item.expr(), i);
      String unique = name;
      for (int n = 2; !names.add(unique); n++) {
        unique = name + "_" + n;
      }
      outputs.add(new QueryPlan.Output(unique, value.type(), value));
    }
    return outputs;
  }

  private static String defaultName(Expr expr, int index) {
    if (expr instanceof Expr.Column column) {
      return column.column();
    }
    if (expr instanceof Expr.Call call) {
      return call.function();
    }
    return "EXPR" + (index + 1);
  }

  private static List<QueryPlan.OrderKey> orderKeys(
      Select select, List<QueryPlan.Output> outputs, ExprCompiler compiler) throws CclException {
    List<QueryPlan.OrderKey> keys = new ArrayList<>();
    for (Select.Order order : select.orderBy()) {
      int output = -1;
      if (order.expr() instanceof Expr.Name name) {
        for (int i = 0; i < outputs.size(); i++) {
          if (outputs.get(i).name().equals(name.name())) {
            output = i;
          }
        }
      }
      Compiled value = output >= 0 ? null : compiler.compile(order.expr());
      keys.add(new QueryPlan.OrderKey(value, output, order.descending()));
    }
    return keys;
  }
}
