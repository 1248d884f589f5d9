package com.practicestudio.sandbox.ccl;

/** AND and OR over conditions, evaluated left to right with short circuit. */
final class Logic {

  private Logic() {}

  static Compiled andOr(Expr.Op op, Compiled left, Compiled right, Pos pos) throws CclException {
    if (left.type() != CclType.BOOL || right.type() != CclType.BOOL) {
      throw CclException.semantic(pos, op.symbol + " needs a condition on each side");
    }
    boolean and = op == Expr.Op.AND;
    int level = Math.max(left.level(), right.level());
    return new Compiled() {
      @Override
      public CclType type() {
        return CclType.BOOL;
      }

      @Override
      public int level() {
        return level;
      }

      @Override
      public Object eval(Object[][] rows) throws CclException {
        boolean first = Values.isTrue(left.eval(rows));
        if (first != and) {
          return first;
        }
        return Values.isTrue(right.eval(rows));
      }
    };
  }
}
