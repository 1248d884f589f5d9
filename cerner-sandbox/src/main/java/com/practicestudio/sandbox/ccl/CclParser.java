package com.practicestudio.sandbox.ccl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A hand-written recursive-descent parser for the sandbox's CCL subset (see the module README):
 *
 * <pre>
 * script   := { DROP PROGRAM name [:group] GO
 *             | CREATE PROGRAM name [:group] { select } END GO
 *             | select GO }
 * select   := SELECT [DISTINCT] item {, item} FROM table [alias] {, table [alias]}
 *             [ PLAN step {JOIN step} | WHERE expr ]
 *             [ ORDER [BY] expr [DESC|ASC] {, ...} ] [ WITH option {, option} ]
 * item     := name = expr | expr [AS name]
 * step     := alias [WHERE expr] | ( alias [WHERE expr] )
 * option   := MAXREC = number | NOCOUNTER
 * </pre>
 *
 * Anything else — DECLARE, RECORD, SET, subroutines, report writer sections (HEAD, DETAIL, FOOT),
 * SELECT INTO, includes — stops the parse with "unsupported construct X" at its line and column.
 */
final class CclParser extends ExprParser {

  private static final Set<String> REPORT_WRITER = Set.of("HEAD", "DETAIL", "FOOT");

  private CclParser(String text) {
    super(new CclLexer(text));
  }

  /** Parses a whole text. */
  static CclScript parse(String text) throws CclException {
    return new CclParser(text).script();
  }

  private CclScript script() throws CclException {
    List<Select> selects = new ArrayList<>();
    List<CclScript.Program> programs = new ArrayList<>();
    Token first = lexer.peek(0);
    if (first.kind() == Token.Kind.EOF) {
      throw CclException.syntax(first.pos(), "the text holds no CCL command");
    }
    while (lexer.peek(0).kind() != Token.Kind.EOF) {
      Token token = lexer.peek(0);
      if (token.isWord("DROP")) {
        drop();
      } else if (token.isWord("CREATE")) {
        programs.add(program());
      } else if (token.isWord("SELECT")) {
        selects.add(select());
        expectWord("GO");
      } else {
        throw unsupportedStatement(token);
      }
    }
    return new CclScript(selects, programs);
  }

  private void drop() throws CclException {
    lexer.next();
    Token what = lexer.peek(0);
    if (!what.isWord("PROGRAM")) {
      throw CclException.unsupported(
          what.pos(), "DROP " + what.describe().toUpperCase(Locale.ROOT));
    }
    lexer.next();
    programName();
    expectWord("GO");
  }

  private CclScript.Program program() throws CclException {
    lexer.next();
    Token what = lexer.peek(0);
    if (!what.isWord("PROGRAM")) {
      throw CclException.unsupported(
          what.pos(), "CREATE " + what.describe().toUpperCase(Locale.ROOT));
    }
    lexer.next();
    Token name = programName();
    List<Select> body = new ArrayList<>();
    while (!lexer.peek(0).isWord("END")) {
      Token token = lexer.peek(0);
      if (token.isWord("SELECT")) {
        body.add(select());
      } else if (token.isWord("GO") || token.kind() == Token.Kind.EOF) {
        throw expected("END of program " + name.text(), token);
      } else {
        throw unsupportedStatement(token);
      }
    }
    lexer.next();
    expectWord("GO");
    return new CclScript.Program(name.text().toLowerCase(Locale.ROOT), body, name.pos());
  }

  private Token programName() throws CclException {
    Token name = expectIdent("a program name");
    if (acceptSymbol(":")) {
      expectIdent("a group name after ':'");
    }
    return name;
  }

  private CclException unsupportedStatement(Token token) throws CclException {
    if (token.kind() == Token.Kind.UNKNOWN) {
      return unexpectedCharacter(token);
    }
    if (token.isSymbol("%") || token.isSymbol("#")) {
      Token after = lexer.peek(1);
      String name = after.kind() == Token.Kind.IDENT ? after.text() : "";
      String what = token.isSymbol("%") ? "include " : "label ";
      return CclException.unsupported(token.pos(), what + token.text() + name);
    }
    if (token.kind() == Token.Kind.IDENT) {
      return CclException.unsupported(token.pos(), token.upper());
    }
    return expected("a CCL command", token);
  }

  private Select select() throws CclException {
    Token start = expectWord("SELECT");
    Token next = lexer.peek(0);
    if (next.isWord("INTO")) {
      throw CclException.unsupported(next.pos(), "SELECT INTO");
    }
    boolean distinct = acceptWord("DISTINCT");
    List<Select.Item> items = new ArrayList<>();
    do {
      items.add(item());
    } while (acceptSymbol(","));
    expectWord("FROM");
    List<Select.TableRef> from = new ArrayList<>();
    do {
      from.add(table());
    } while (acceptSymbol(","));
    List<Select.PlanStep> plan = new ArrayList<>();
    Expr where = null;
    if (lexer.peek(0).isWord("PLAN")) {
      plan = plan();
    } else if (acceptWord("WHERE")) {
      where = expression();
    }
    List<Select.Order> order = orderBy();
    rejectReportWriter();
    Integer maxRec = withOptions();
    rejectReportWriter();
    return new Select(distinct, items, from, plan, where, order, maxRec, start.pos());
  }

  private Select.Item item() throws CclException {
    Token first = lexer.peek(0);
    if (first.isSymbol("*")) {
      throw CclException.unsupported(first.pos(), "SELECT * (name the columns)");
    }
    if (first.kind() == Token.Kind.IDENT
        && !RESERVED.contains(first.upper())
        && lexer.peek(1).isSymbol("=")) {
      lexer.next();
      lexer.next();
      return new Select.Item(expression(), first.upper(), first.pos());
    }
    Expr expr = expression();
    String name = acceptWord("AS") ? expectIdent("a column name after AS").upper() : null;
    return new Select.Item(expr, name, first.pos());
  }

  private Select.TableRef table() throws CclException {
    Token token = lexer.peek(0);
    if (token.isSymbol("(")) {
      throw CclException.unsupported(token.pos(), "( in FROM (DUMMYT or inline joins)");
    }
    Token table = expectIdent("a table name");
    Token alias = lexer.peek(0);
    if (alias.kind() == Token.Kind.IDENT && !RESERVED.contains(alias.upper())) {
      lexer.next();
    } else {
      alias = table;
    }
    return new Select.TableRef(table.upper(), alias.text().toLowerCase(Locale.ROOT), table.pos());
  }

  private List<Select.PlanStep> plan() throws CclException {
    List<Select.PlanStep> steps = new ArrayList<>();
    expectWord("PLAN");
    steps.add(step());
    while (acceptWord("JOIN")) {
      steps.add(step());
    }
    Token after = lexer.peek(0);
    if (after.isWord("WHERE")) {
      throw CclException.syntax(
          after.pos(), "a query with PLAN takes its conditions in the PLAN and JOIN steps");
    }
    return steps;
  }

  private Select.PlanStep step() throws CclException {
    boolean parenthesised = acceptSymbol("(");
    Token alias = expectIdent("a table alias");
    Expr where = acceptWord("WHERE") ? expression() : null;
    if (parenthesised) {
      expectSymbol(")");
    }
    return new Select.PlanStep(alias.text().toLowerCase(Locale.ROOT), where, alias.pos());
  }

  private List<Select.Order> orderBy() throws CclException {
    List<Select.Order> order = new ArrayList<>();
    if (!acceptWord("ORDER")) {
      return order;
    }
    acceptWord("BY");
    do {
      Expr expr = expression();
      boolean descending = acceptWord("DESC");
      if (!descending) {
        acceptWord("ASC");
      }
      order.add(new Select.Order(expr, descending));
    } while (acceptSymbol(","));
    return order;
  }

  private void rejectReportWriter() throws CclException {
    Token token = lexer.peek(0);
    if (token.kind() == Token.Kind.IDENT && REPORT_WRITER.contains(token.upper())) {
      throw CclException.unsupported(token.pos(), token.upper() + " (report writer section)");
    }
  }

  private Integer withOptions() throws CclException {
    if (!acceptWord("WITH")) {
      return null;
    }
    Integer maxRec = null;
    do {
      Token option = expectIdent("a WITH option");
      if (option.isWord("MAXREC")) {
        expectSymbol("=");
        Token number = lexer.next();
        if (number.kind() != Token.Kind.NUMBER
            || number.text().contains(".")
            || number.text().length() > 9) {
          throw expected("a whole number after MAXREC =", number);
        }
        maxRec = Integer.valueOf(number.text());
      } else if (!option.isWord("NOCOUNTER")) {
        throw CclException.unsupported(option.pos(), "WITH " + option.upper());
      }
    } while (acceptSymbol(","));
    return maxRec;
  }
}
