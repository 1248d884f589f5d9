package com.practicestudio.sandbox.ccl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive descent over CCL expressions, loosest first: OR, AND, NOT, a comparison / IN / BETWEEN
 * / IS NULL, + and -, * and /, unary minus, then literals, {@code $params}, {@code alias.column},
 * function calls, built-in names and parentheses.
 */
class ExprParser {

  /** Words that end an expression and cannot be names. */
  static final Set<String> RESERVED =
      Set.of(
          "FROM",
          "WHERE",
          "PLAN",
          "JOIN",
          "ORDER",
          "BY",
          "WITH",
          "GO",
          "END",
          "AND",
          "OR",
          "NOT",
          "IN",
          "BETWEEN",
          "IS",
          "AS",
          "DESC",
          "ASC",
          "HEAD",
          "DETAIL",
          "FOOT",
          "SELECT",
          "DISTINCT",
          "INTO");

  final CclLexer lexer;

  ExprParser(CclLexer lexer) {
    this.lexer = lexer;
  }

  Expr expression() throws CclException {
    Expr left = conjunction();
    while (lexer.peek(0).isWord("OR")) {
      Pos pos = lexer.next().pos();
      left = new Expr.Binary(Expr.Op.OR, left, conjunction(), pos);
    }
    return left;
  }

  private Expr conjunction() throws CclException {
    Expr left = negation();
    while (lexer.peek(0).isWord("AND")) {
      Pos pos = lexer.next().pos();
      left = new Expr.Binary(Expr.Op.AND, left, negation(), pos);
    }
    return left;
  }

  private Expr negation() throws CclException {
    if (lexer.peek(0).isWord("NOT")) {
      Pos pos = lexer.next().pos();
      return new Expr.Not(negation(), pos);
    }
    return predicate();
  }

  private Expr predicate() throws CclException {
    Expr left = additive();
    Token next = lexer.peek(0);
    Expr.Op comparison = comparison(next);
    if (comparison != null) {
      lexer.next();
      return new Expr.Binary(comparison, left, additive(), next.pos());
    }
    boolean negated = next.isWord("NOT") && isInOrBetween(lexer.peek(1));
    if (negated) {
      lexer.next();
      next = lexer.peek(0);
    }
    if (next.isWord("IN")) {
      lexer.next();
      return new Expr.In(left, list(), negated, next.pos());
    }
    if (next.isWord("BETWEEN")) {
      lexer.next();
      Expr low = additive();
      expectWord("AND");
      return new Expr.Between(left, low, additive(), negated, next.pos());
    }
    if (next.isWord("IS")) {
      lexer.next();
      boolean not = acceptWord("NOT");
      expectWord("NULL");
      return new Expr.IsNull(left, not, next.pos());
    }
    return left;
  }

  private static boolean isInOrBetween(Token token) {
    return token.isWord("IN") || token.isWord("BETWEEN");
  }

  private static Expr.Op comparison(Token token) {
    if (token.kind() != Token.Kind.SYMBOL) {
      return null;
    }
    return switch (token.text()) {
      case "=" -> Expr.Op.EQ;
      case "!=", "<>" -> Expr.Op.NE;
      case "<" -> Expr.Op.LT;
      case ">" -> Expr.Op.GT;
      case "<=" -> Expr.Op.LE;
      case ">=" -> Expr.Op.GE;
      default -> null;
    };
  }

  private Expr additive() throws CclException {
    Expr left = multiplicative();
    while (lexer.peek(0).isSymbol("+") || lexer.peek(0).isSymbol("-")) {
      Token op = lexer.next();
      Expr.Op kind = op.isSymbol("+") ? Expr.Op.PLUS : Expr.Op.MINUS;
      left = new Expr.Binary(kind, left, multiplicative(), op.pos());
    }
    return left;
  }

  private Expr multiplicative() throws CclException {
    Expr left = unary();
    while (lexer.peek(0).isSymbol("*") || lexer.peek(0).isSymbol("/")) {
      Token op = lexer.next();
      Expr.Op kind = op.isSymbol("*") ? Expr.Op.TIMES : Expr.Op.DIVIDE;
      left = new Expr.Binary(kind, left, unary(), op.pos());
    }
    return left;
  }

  private Expr unary() throws CclException {
    if (lexer.peek(0).isSymbol("-")) {
      Pos pos = lexer.next().pos();
      return new Expr.Negate(unary(), pos);
    }
    return primary();
  }

  private Expr primary() throws CclException {
    Token token = lexer.next();
    return switch (token.kind()) {
      case NUMBER -> new Expr.Literal(Double.valueOf(token.text()), token.pos());
      case STRING -> new Expr.Literal(token.text(), token.pos());
      case PARAM -> new Expr.Param(token.text().toLowerCase(Locale.ROOT), token.pos());
      case IDENT -> named(token);
      case SYMBOL -> {
        if (!token.isSymbol("(")) {
          throw expected("an expression", token);
        }
        Expr inner = expression();
        expectSymbol(")");
        yield inner;
      }
      case UNKNOWN -> throw unexpectedCharacter(token);
      case EOF -> throw expected("an expression", token);
    };
  }

  private Expr named(Token token) throws CclException {
    if (token.isWord("NULL")) {
      return new Expr.Literal(null, token.pos());
    }
    if (RESERVED.contains(token.upper())) {
      throw expected("an expression", token);
    }
    if (lexer.peek(0).isSymbol("(")) {
      return new Expr.Call(token.upper(), list(), token.pos());
    }
    if (lexer.peek(0).isSymbol(".")) {
      lexer.next();
      Token column = lexer.next();
      if (column.kind() != Token.Kind.IDENT) {
        throw expected("a column name after " + token.text() + ".", column);
      }
      return new Expr.Column(token.text().toLowerCase(Locale.ROOT), column.upper(), token.pos());
    }
    if (lexer.peek(0).isSymbol("->")) {
      throw CclException.unsupported(token.pos(), "record reference " + token.text() + "->");
    }
    return new Expr.Name(token.upper(), token.pos());
  }

  /** {@code ( expr, ... )}, possibly empty. */
  private List<Expr> list() throws CclException {
    expectSymbol("(");
    List<Expr> values = new ArrayList<>();
    if (!lexer.peek(0).isSymbol(")")) {
      do {
        values.add(expression());
      } while (acceptSymbol(","));
    }
    expectSymbol(")");
    return values;
  }

  // ---- shared token helpers ----

  boolean acceptWord(String word) throws CclException {
    if (lexer.peek(0).isWord(word)) {
      lexer.next();
      return true;
    }
    return false;
  }

  boolean acceptSymbol(String symbol) throws CclException {
    if (lexer.peek(0).isSymbol(symbol)) {
      lexer.next();
      return true;
    }
    return false;
  }

  Token expectWord(String word) throws CclException {
    Token token = lexer.next();
    if (!token.isWord(word)) {
      throw expected(word, token);
    }
    return token;
  }

  Token expectSymbol(String symbol) throws CclException {
    Token token = lexer.next();
    if (!token.isSymbol(symbol)) {
      throw expected("'" + symbol + "'", token);
    }
    return token;
  }

  Token expectIdent(String what) throws CclException {
    Token token = lexer.next();
    if (token.kind() != Token.Kind.IDENT || RESERVED.contains(token.upper())) {
      throw expected(what, token);
    }
    return token;
  }

  static CclException expected(String what, Token found) {
    if (found.kind() == Token.Kind.UNKNOWN) {
      return unexpectedCharacter(found);
    }
    return CclException.syntax(found.pos(), "expected " + what + " but found " + found.describe());
  }

  static CclException unexpectedCharacter(Token token) {
    return CclException.syntax(token.pos(), "unexpected character '" + token.text() + "'");
  }
}
