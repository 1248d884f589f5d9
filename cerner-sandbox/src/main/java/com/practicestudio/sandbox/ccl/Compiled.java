package com.practicestudio.sandbox.ccl;

/**
 * An expression bound to the tables of a query: its type is known, and it evaluates over the
 * current row of each table ({@code rows[level]}; later levels are null while earlier ones loop).
 */
interface Compiled {

  CclType type();

  /** The highest table level it reads, -1 when it reads none. */
  int level();

  Object eval(Object[][] rows) throws CclException;

  /** A fixed value. */
  static Compiled constant(CclType type, Object value) {
    return new Compiled() {
      @Override
      public CclType type() {
        return type;
      }

      @Override
      public int level() {
        return -1;
      }

      @Override
      public Object eval(Object[][] rows) {
        return value;
      }
    };
  }

  /** Evaluates operands then combines them. */
  interface Body {
    Object apply(Object[] values) throws CclException;
  }

  /** A node over operands, null-safe only if the body is. */
  static Compiled of(CclType type, Body body, Compiled... operands) {
    int level = -1;
    for (Compiled operand : operands) {
      level = Math.max(level, operand.level());
    }
    int maxLevel = level;
    return new Compiled() {
      @Override
      public CclType type() {
        return type;
      }

      @Override
      public int level() {
        return maxLevel;
      }

      @Override
      public Object eval(Object[][] rows) throws CclException {
        Object[] values = new Object[operands.length];
        for (int i = 0; i < operands.length; i++) {
          values[i] = operands[i].eval(rows);
        }
        return body.apply(values);
      }
    };
  }

  /** {@code rows[level][column]}. */
  static Compiled column(CclType type, int level, int column) {
    return new Compiled() {
      @Override
      public CclType type() {
        return type;
      }

      @Override
      public int level() {
        return level;
      }

      @Override
      public Object eval(Object[][] rows) {
        return rows[level][column];
      }
    };
  }
}
