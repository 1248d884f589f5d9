package com.practicestudio.sandbox.ccl;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code + - * /} on numbers, and a date-time plus or minus a number of days (CCL date arithmetic,
 * e.g. {@code SYSDATE - 30}).
 */
final class Arithmetic {

  private Arithmetic() {}

  static Compiled compile(Expr.Op op, Compiled left, Compiled right, Pos pos) throws CclException {
    CclType a = left.type();
    CclType b = right.type();
    boolean dateShift =
        a == CclType.DQ8 && b == CclType.F8 && (op == Expr.Op.PLUS || op == Expr.Op.MINUS);
    if (dateShift) {
      double sign = op == Expr.Op.PLUS ? 1 : -1;
      return Compiled.of(
          CclType.DQ8,
          v -> v[0] == null || v[1] == null ? null : shift((Instant) v[0], sign * (Double) v[1]),
          left,
          right);
    }
    if (!(a == CclType.F8 || a == CclType.NULL) || !(b == CclType.F8 || b == CclType.NULL)) {
      throw CclException.semantic(pos, "cannot apply " + op.symbol + " to " + a + " and " + b);
    }
    return Compiled.of(
        CclType.F8,
        v -> {
          if (v[0] == null || v[1] == null) {
            return null;
          }
          double x = (Double) v[0];
          double y = (Double) v[1];
          return switch (op) {
            case PLUS -> x + y;
            case MINUS -> x - y;
            case TIMES -> x * y;
            default -> {
              if (y == 0) {
                throw new CclException(CclException.Kind.EXECUTION, pos, "division by zero");
              }
              yield x / y;
            }
          };
        },
        left,
        right);
  }

  private static Instant shift(Instant at, double days) {
    return at.plus(Duration.ofMillis(Math.round(days * 86_400_000d)));
  }
}
