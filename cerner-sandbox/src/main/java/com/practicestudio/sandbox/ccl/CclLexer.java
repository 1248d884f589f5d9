package com.practicestudio.sandbox.ccl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CCL text into tokens on demand, so that the first problem in reading order is the one
 * reported. Comments are {@code ;} to the end of the line and {@code /* ... *}{@code /}; string
 * literals are in single or double quotes and end on their line; {@code $name} and {@code $1} are
 * parameters. A character CCL does not use becomes an UNKNOWN token for the parser to report.
 */
final class CclLexer {

  private static final List<String> TWO_CHAR = List.of("!=", "<>", "<=", ">=", "->");
  private static final String ONE_CHAR = "(),.=<>+-*/:#%";

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int offset;
  private int line = 1;
  private int lineStart;

  CclLexer(String text) {
    this.text = text;
  }

  /** The token {@code ahead} places after the next one (0 = the next). */
  Token peek(int ahead) throws CclException {
    while (tokens.size() <= ahead) {
      tokens.add(read());
    }
    return tokens.get(ahead);
  }

  Token next() throws CclException {
    Token token = peek(0);
    if (token.kind() != Token.Kind.EOF) {
      tokens.remove(0);
    }
    return token;
  }

  private Token read() throws CclException {
    skipBlanksAndComments();
    Pos pos = pos();
    if (offset >= text.length()) {
      return new Token(Token.Kind.EOF, "", pos);
    }
    char c = text.charAt(offset);
    if (Character.isLetter(c) || c == '_') {
      return new Token(Token.Kind.IDENT, word(), pos);
    }
    if (Character.isDigit(c)) {
      return new Token(Token.Kind.NUMBER, number(), pos);
    }
    if (c == '\'' || c == '"') {
      return new Token(Token.Kind.STRING, string(c, pos), pos);
    }
    if (c == '$' && offset + 1 < text.length() && isWordChar(text.charAt(offset + 1))) {
      offset++;
      return new Token(Token.Kind.PARAM, word(), pos);
    }
    String two = offset + 2 <= text.length() ? text.substring(offset, offset + 2) : "";
    if (TWO_CHAR.contains(two)) {
      offset += 2;
      return new Token(Token.Kind.SYMBOL, two, pos);
    }
    offset++;
    Token.Kind kind = ONE_CHAR.indexOf(c) >= 0 ? Token.Kind.SYMBOL : Token.Kind.UNKNOWN;
    return new Token(kind, String.valueOf(c), pos);
  }

  private void skipBlanksAndComments() throws CclException {
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (c == '\n') {
        offset++;
        line++;
        lineStart = offset;
      } else if (Character.isWhitespace(c)) {
        offset++;
      } else if (c == ';') {
        while (offset < text.length() && text.charAt(offset) != '\n') {
          offset++;
        }
      } else if (text.startsWith("/*", offset)) {
        blockComment();
      } else {
        return;
      }
    }
  }

  private void blockComment() throws CclException {
    Pos start = pos();
    int end = text.indexOf("*/", offset + 2);
    if (end < 0) {
      throw CclException.syntax(start, "unterminated comment");
    }
    for (int i = offset; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    offset = end + 2;
  }

  private String word() {
    int start = offset;
    while (offset < text.length() && isWordChar(text.charAt(offset))) {
      offset++;
    }
    return text.substring(start, offset);
  }

  private String number() {
    int start = offset;
    while (offset < text.length() && Character.isDigit(text.charAt(offset))) {
      offset++;
    }
    if (offset + 1 < text.length()
        && text.charAt(offset) == '.'
        && Character.isDigit(text.charAt(offset + 1))) {
      offset++;
      while (offset < text.length() && Character.isDigit(text.charAt(offset))) {
        offset++;
      }
    }
    return text.substring(start, offset);
  }

  private String string(char quote, Pos pos) throws CclException {
    int start = offset + 1;
    int end = start;
    while (end < text.length() && text.charAt(end) != quote && text.charAt(end) != '\n') {
      end++;
    }
    if (end >= text.length() || text.charAt(end) != quote) {
      throw CclException.syntax(pos, "unterminated string");
    }
    offset = end + 1;
    return text.substring(start, end);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private Pos pos() {
    return new Pos(line, offset - lineStart + 1);
  }
}
