package com.practicestudio.sandbox.ccl;

import java.util.List;

/** A CCL expression as parsed; {@code pos} is where it starts (an operator's, for a binary). */
sealed interface Expr {

  Pos pos();

  /** A number or string literal ({@code value} a Double or a String). */
  record Literal(Object value, Pos pos) implements Expr {}

  /** {@code alias.column}. */
  record Column(String alias, String column, Pos pos) implements Expr {}

  /** {@code $name}: a value bound from the request, never text spliced into the query. */
  record Param(String name, Pos pos) implements Expr {}

  /** A bare name: a built-in value such as {@code SYSDATE}, or a select-list alias in ORDER BY. */
  record Name(String name, Pos pos) implements Expr {}

  /** {@code NAME(args...)}. */
  record Call(String function, List<Expr> args, Pos pos) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code left op right}: comparison, AND, OR or arithmetic. */
  record Binary(Op op, Expr left, Expr right, Pos pos) implements Expr {}

  record Not(Expr operand, Pos pos) implements Expr {}

  record Negate(Expr operand, Pos pos) implements Expr {}

  record In(Expr operand, List<Expr> values, boolean negated, Pos pos) implements Expr {
    public In {
      values = List.copyOf(values);
    }
  }

  record Between(Expr operand, Expr low, Expr high, boolean negated, Pos pos) implements Expr {}

  record IsNull(Expr operand, boolean negated, Pos pos) implements Expr {}

  /** Binary operators. */
  enum Op {
    EQ("="),
    NE("!="),
    LT("<"),
    GT(">"),
    LE("<="),
    GE(">="),
    AND("AND"),
    OR("OR"),
    PLUS("+"),
    MINUS("-"),
    TIMES("*"),
    DIVIDE("/");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    boolean isComparison() {
      return ordinal() <= GE.ordinal();
    }

    boolean isLogical() {
      return this == AND || this == OR;
    }
  }
}
