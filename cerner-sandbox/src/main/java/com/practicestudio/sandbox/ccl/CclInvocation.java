package com.practicestudio.sandbox.ccl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the arguments of the SSH command {@code ccl}: either a script name or CCL text ending in
 * {@code GO}, then {@code $name=value} parameters. Values are CCL literals — a number, a quoted
 * string — or a bare word read as a string; they are bound as values, never spliced into the text.
 *
 * <pre>
 * ccl ps_patient_by_mrn $mrn=10002000
 * ccl SELECT p.person_id FROM person p WHERE p.name_last_key = $last GO $last="SMITH"
 * </pre>
 */
final class CclInvocation {

  private CclInvocation() {}

  static CclRequest parse(String arguments) throws CclException {
    CclLexer lexer = new CclLexer(arguments);
    Token first = lexer.peek(0);
    boolean named =
        first.kind() == Token.Kind.IDENT
            && !first.isWord("SELECT")
            && !first.isWord("DROP")
            && !first.isWord("CREATE")
            && (lexer.peek(1).kind() == Token.Kind.PARAM || lexer.peek(1).kind() == Token.Kind.EOF);
    if (named) {
      lexer.next();
      return CclRequest.script(first.text(), parameters(lexer));
    }
    Token go = null;
    int ahead = 0;
    for (Token token = lexer.peek(0); token.kind() != Token.Kind.EOF; token = lexer.peek(++ahead)) {
      if (token.isWord("GO")) {
        go = token;
      }
    }
    if (go == null) {
      throw CclException.syntax(lexer.peek(ahead).pos(), "expected GO at the end of the CCL text");
    }
    int end = offset(arguments, go.pos()) + 2;
    Token next;
    do {
      next = lexer.next();
    } while (next != go);
    return CclRequest.text(arguments.substring(0, end), parameters(lexer));
  }

  private static Map<String, Object> parameters(CclLexer lexer) throws CclException {
    Map<String, Object> values = new LinkedHashMap<>();
    while (lexer.peek(0).kind() != Token.Kind.EOF) {
      Token name = lexer.next();
      if (name.kind() != Token.Kind.PARAM) {
        throw ExprParser.expected("a parameter $name=value", name);
      }
      Token equals = lexer.next();
      if (!equals.isSymbol("=")) {
        throw ExprParser.expected("'=' after $" + name.text(), equals);
      }
      values.put(name.text(), value(lexer));
    }
    return values;
  }

  private static Object value(CclLexer lexer) throws CclException {
    Token token = lexer.next();
    boolean negative = token.isSymbol("-") && lexer.peek(0).kind() == Token.Kind.NUMBER;
    if (negative) {
      token = lexer.next();
    }
    return switch (token.kind()) {
      case NUMBER -> (negative ? -1 : 1) * Double.parseDouble(token.text());
      case STRING, IDENT -> token.text();
      default -> throw ExprParser.expected("a parameter value", token);
    };
  }

  private static int offset(String text, Pos pos) {
    int offset = 0;
    for (int line = 1; line < pos.line(); line++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return offset + pos.column() - 1;
  }
}
