package com.practicestudio.sandbox.ccl;

import java.time.Instant;
import java.util.Comparator;

/** How CCL values compare and print. */
final class Values {

  private Values() {}

  /** Marks a comparison that has no answer (a null, or a string that is not a number). */
  static final int NONE = Integer.MIN_VALUE;

  /**
   * Compares two values: numbers as numbers, strings without trailing blanks, date-times in time; a
   * string against a number is read as a number.
   *
   * @return negative, zero or positive, or {@link #NONE}
   */
  static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return NONE;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Double.compare(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return Integer.signum(x.stripTrailing().compareTo(y.stripTrailing()));
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
    if (a instanceof java.time.LocalTime x && b instanceof java.time.LocalTime y) {
      return x.compareTo(y);
    }
    Double x = asNumber(a);
    Double y = asNumber(b);
    return x == null || y == null ? NONE : Double.compare(x, y);
  }

  static boolean test(Expr.Op op, int comparison) {
    if (comparison == NONE) {
      return false;
    }
    return switch (op) {
      case EQ -> comparison == 0;
      case NE -> comparison != 0;
      case LT -> comparison < 0;
      case GT -> comparison > 0;
      case LE -> comparison <= 0;
      case GE -> comparison >= 0;
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  private static Double asNumber(Object value) {
    if (value instanceof Double number) {
      return number;
    }
    if (value instanceof String text) {
      try {
        return Double.valueOf(text.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Sort order for ORDER BY: nulls last (first when descending, as Oracle sorts). */
  static final Comparator<Object> ORDER =
      (a, b) -> {
        if (a == null || b == null) {
          return a == null ? (b == null ? 0 : 1) : -1;
        }
        int c = compare(a, b);
        return c == NONE ? String.valueOf(a).compareTo(String.valueOf(b)) : c;
      };

  /** A value as text, as BUILD2 and CNVTSTRING show it: whole numbers without decimals. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double number) {
      return isWhole(number) ? Long.toString(number.longValue()) : number.toString();
    }
    return value.toString();
  }

  static boolean isWhole(double number) {
    return number == Math.rint(number) && Math.abs(number) < 1e15;
  }

  static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value);
  }
}
