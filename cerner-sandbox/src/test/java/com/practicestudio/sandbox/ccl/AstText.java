package com.practicestudio.sandbox.ccl;

import java.util.stream.Collectors;

/** Renders a parsed SELECT compactly, fully parenthesised, so tests can state its shape. */
final class AstText {

  private AstText() {}

  static String of(Select s) {
    StringBuilder text = new StringBuilder("SELECT ");
    if (s.distinct()) {
      text.append("DISTINCT ");
    }
    text.append(
        s.items().stream()
            .map(i -> of(i.expr()) + (i.name() == null ? "" : " AS " + i.name()))
            .collect(Collectors.joining(", ")));
    text.append(" FROM ")
        .append(
            s.from().stream()
                .map(t -> t.table() + " " + t.alias())
                .collect(Collectors.joining(", ")));
    for (int i = 0; i < s.plan().size(); i++) {
      Select.PlanStep step = s.plan().get(i);
      text.append(i == 0 ? " PLAN " : " JOIN ").append(step.alias());
      if (step.where() != null) {
        text.append(" WHERE ").append(of(step.where()));
      }
    }
    if (s.where() != null) {
      text.append(" WHERE ").append(of(s.where()));
    }
    if (!s.orderBy().isEmpty()) {
      text.append(" ORDER BY ")
          .append(
              s.orderBy().stream()
                  .map(o -> of(o.expr()) + (o.descending() ? " DESC" : ""))
                  .collect(Collectors.joining(", ")));
    }
    if (s.maxRec() != null) {
      text.append(" MAXREC ").append(s.maxRec());
    }
    return text.toString();
  }

  static String of(Expr e) {
    if (e instanceof Expr.Literal l) {
      if (l.value() == null) {
        return "NULL";
      }
      return l.value() instanceof String str ? "'" + str + "'" : Values.text(l.value());
    }
    if (e instanceof Expr.Column c) {
      return c.alias() + "." + c.column();
    }
    if (e instanceof Expr.Param p) {
      return "$" + p.name();
    }
    if (e instanceof Expr.Name n) {
      return n.name();
    }
    if (e instanceof Expr.Call c) {
      return c.function()
          + "("
          + c.args().stream().map(AstText::of).collect(Collectors.joining(", "))
          + ")";
    }
    if (e instanceof Expr.Binary b) {
      return "(" + of(b.left()) + " " + b.op().symbol + " " + of(b.right()) + ")";
    }
    if (e instanceof Expr.Not n) {
      return "(NOT " + of(n.operand()) + ")";
    }
    if (e instanceof Expr.Negate n) {
      return "(-" + of(n.operand()) + ")";
    }
    if (e instanceof Expr.In in) {
      return "("
          + of(in.operand())
          + (in.negated() ? " NOT IN (" : " IN (")
          + in.values().stream().map(AstText::of).collect(Collectors.joining(", "))
          + "))";
    }
    if (e instanceof Expr.Between b) {
      return "("
          + of(b.operand())
          + (b.negated() ? " NOT BETWEEN " : " BETWEEN ")
          + of(b.low())
          + " AND "
          + of(b.high())
          + ")";
    }
    Expr.IsNull n = (Expr.IsNull) e;
    return "(" + of(n.operand()) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
  }
}
