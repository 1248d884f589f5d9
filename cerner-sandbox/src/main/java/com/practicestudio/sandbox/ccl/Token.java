package com.practicestudio.sandbox.ccl;

import java.util.Locale;

/**
 * A CCL token. {@code text} is the source text (a string literal without its quotes, a parameter
 * without its {@code $}).
 */
record Token(Kind kind, String text, Pos pos) {

  enum Kind {
    IDENT,
    NUMBER,
    STRING,
    PARAM,
    SYMBOL,
    UNKNOWN,
    EOF
  }

  /** Whether this is an identifier spelled {@code word} in any case (CCL is case-insensitive). */
  boolean isWord(String word) {
    return kind == Kind.IDENT && text.equalsIgnoreCase(word);
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }

  /** How the token reads in an error message. */
  String describe() {
    return switch (kind) {
      case EOF -> "the end of the text";
      case STRING -> "a string";
      case NUMBER -> "number " + text;
      case PARAM -> "$" + text;
      default -> text;
    };
  }
}
