package com.practicestudio.sandbox.ccl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds parsed expressions to a query's tables: resolves {@code alias.column}, binds {@code $}
 * parameters to their values (never to text), checks types, and answers {@link Compiled} nodes.
 * Every problem names the line and column of the expression at fault.
 */
final class ExprCompiler {

  private final Map<String, Integer> levels;
  private final List<TableDef> tables;
  private final RunContext run;
  private final Instant now;

  ExprCompiler(Map<String, Integer> levels, List<TableDef> tables, RunContext run) {
    this.levels = levels;
    this.tables = tables;
    this.run = run;
    this.now = run.clock().instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** A condition: an expression of type BOOL. */
  Compiled condition(Expr expr, String where) throws CclException {
    Compiled compiled = compile(expr);
    if (compiled.type() != CclType.BOOL) {
      throw CclException.semantic(
          expr.pos(), where + " needs a condition, not a " + compiled.type());
    }
    return compiled;
  }

  Compiled compile(Expr expr) throws CclException {
    if (expr instanceof Expr.Literal literal) {
      return literal(literal.value());
    } else if (expr instanceof Expr.Column column) {
      return column(column);
    } else if (expr instanceof Expr.Param param) {
      return parameter(param);
    } else if (expr instanceof Expr.Name name) {
      return builtin(name);
    } else if (expr instanceof Expr.Call call) {
      return CclFunctions.compile(call, arguments(call.args()), run);
    } else if (expr instanceof Expr.Binary binary) {
      return binary(binary);
    } else if (expr instanceof Expr.Not not) {
      return logicalNot(not);
    } else if (expr instanceof Expr.Negate negate) {
      return negate(negate);
    } else if (expr instanceof Expr.In in) {
      return in(in);
    } else if (expr instanceof Expr.Between between) {
      return between(between);
    }
    Expr.IsNull isNull = (Expr.IsNull) expr;
    return isNull(compile(isNull.operand()), isNull.negated());
  }

  private List<Compiled> arguments(List<Expr> args) throws CclException {
    List<Compiled> compiled = new ArrayList<>();
    for (Expr arg : args) {
      compiled.add(compile(arg));
    }
    return compiled;
  }

  private static Compiled literal(Object value) {
    if (value == null) {
      return Compiled.constant(CclType.NULL, null);
    }
    return Compiled.constant(value instanceof Double ? CclType.F8 : CclType.VC, value);
  }

  private Compiled column(Expr.Column column) throws CclException {
    Integer level = levels.get(column.alias());
    if (level == null) {
      throw CclException.semantic(
          column.pos(), "unknown table alias " + column.alias() + " (not in FROM)");
    }
    TableDef table = tables.get(level);
    int index = table.indexOf(column.column());
    if (index < 0) {
      throw CclException.semantic(
          column.pos(), "table " + table.name() + " has no column " + column.column());
    }
    return Compiled.column(table.columns().get(index).type(), level, index);
  }

  /** The position of a resolved column in its table. */
  int columnIndex(Expr.Column column) {
    return tables.get(levels.get(column.alias())).indexOf(column.column());
  }

  private Compiled parameter(Expr.Param param) throws CclException {
    if (!run.hasParameter(param.name())) {
      throw new CclException(
          CclException.Kind.PARAMETER, param.pos(), "no value for parameter $" + param.name());
    }
    Object value = run.parameter(param.name());
    if (value instanceof Number number) {
      return Compiled.constant(CclType.F8, number.doubleValue());
    }
    if (value == null || value instanceof String) {
      return literal(value);
    }
    throw new CclException(
        CclException.Kind.PARAMETER,
        param.pos(),
        "parameter $" + param.name() + " must be a string, a number or null");
  }

  private Compiled builtin(Expr.Name name) throws CclException {
    LocalTime time = LocalTime.ofInstant(now, ZoneOffset.UTC);
    return switch (name.name()) {
      case "SYSDATE" -> Compiled.constant(CclType.DQ8, now);
      case "CURDATE" ->
          Compiled.constant(
              CclType.DQ8,
              LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
      case "CURTIME" -> Compiled.constant(CclType.TM, time.truncatedTo(ChronoUnit.MINUTES));
      case "CURTIME3" ->
          Compiled.constant(CclType.TM, time.withNano(time.getNano() / 10_000_000 * 10_000_000));
      default ->
          throw CclException.semantic(
              name.pos(),
              "unknown name "
                  + name.name()
                  + " (columns are written alias.column, parameters $name)");
    };
  }

  private Compiled binary(Expr.Binary binary) throws CclException {
    Compiled left = compile(binary.left());
    Compiled right = compile(binary.right());
    Expr.Op op = binary.op();
    if (op.isLogical()) {
      return Logic.andOr(op, left, right, binary.pos());
    }
    if (op.isComparison()) {
      boolean nullCheck = left.type() == CclType.NULL || right.type() == CclType.NULL;
      if (nullCheck && (op == Expr.Op.EQ || op == Expr.Op.NE)) {
        return isNull(left.type() == CclType.NULL ? right : left, op == Expr.Op.NE);
      }
      requireComparable(left, right, binary.pos());
      return Compiled.of(
          CclType.BOOL, v -> Values.test(op, Values.compare(v[0], v[1])), left, right);
    }
    return Arithmetic.compile(op, left, right, binary.pos());
  }

  private Compiled logicalNot(Expr.Not not) throws CclException {
    Compiled operand = condition(not.operand(), "NOT");
    return Compiled.of(CclType.BOOL, v -> !Values.isTrue(v[0]), operand);
  }

  private Compiled negate(Expr.Negate negate) throws CclException {
    Compiled operand = compile(negate.operand());
    if (operand.type() != CclType.F8) {
      throw CclException.semantic(negate.pos(), "cannot negate a " + operand.type());
    }
    return Compiled.of(CclType.F8, v -> v[0] == null ? null : -(Double) v[0], operand);
  }

  private Compiled in(Expr.In in) throws CclException {
    Compiled operand = compile(in.operand());
    List<Compiled> values = arguments(in.values());
    for (int i = 0; i < values.size(); i++) {
      requireComparable(operand, values.get(i), in.values().get(i).pos());
    }
    Compiled[] all = new Compiled[values.size() + 1];
    all[0] = operand;
    for (int i = 0; i < values.size(); i++) {
      all[i + 1] = values.get(i);
    }
    return Compiled.of(
        CclType.BOOL,
        v -> {
          boolean found = false;
          for (int i = 1; i < v.length && !found; i++) {
            found = Values.compare(v[0], v[i]) == 0;
          }
          return v[0] != null && found != in.negated();
        },
        all);
  }

  private Compiled between(Expr.Between between) throws CclException {
    Compiled operand = compile(between.operand());
    Compiled low = compile(between.low());
    Compiled high = compile(between.high());
    requireComparable(operand, low, between.pos());
    requireComparable(operand, high, between.pos());
    return Compiled.of(
        CclType.BOOL,
        v -> {
          int fromLow = Values.compare(v[0], v[1]);
          int toHigh = Values.compare(v[0], v[2]);
          if (fromLow == Values.NONE || toHigh == Values.NONE) {
            return false;
          }
          return (fromLow >= 0 && toHigh <= 0) != between.negated();
        },
        operand,
        low,
        high);
  }

  private static Compiled isNull(Compiled operand, boolean negated) {
    return Compiled.of(CclType.BOOL, v -> (v[0] == null) != negated, operand);
  }

  private static void requireComparable(Compiled a, Compiled b, Pos pos) throws CclException {
    if (!CclType.comparable(a.type(), b.type())) {
      throw CclException.semantic(pos, "cannot compare " + a.type() + " with " + b.type());
    }
  }
}
