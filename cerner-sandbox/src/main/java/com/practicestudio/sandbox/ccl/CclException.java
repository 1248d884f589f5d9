package com.practicestudio.sandbox.ccl;

/**
 * A CCL request that cannot be run: a syntax error, a construct outside the supported subset, an
 * unknown table, column, script or parameter, or a value the query cannot use. Carries where in the
 * text it happened (null when it concerns the request rather than the text).
 */
public final class CclException extends Exception {

  /** What kind of problem; the reply names it as the operation that failed. */
  public enum Kind {
    SYNTAX,
    UNSUPPORTED,
    SEMANTIC,
    PARAMETER,
    SCRIPT,
    EXECUTION
  }

  private final Kind kind;
  private final transient Pos pos;
  private final String detail;

  public CclException(Kind kind, Pos pos, String detail) {
    super(pos == null ? detail : detail + " at " + pos);
    this.kind = kind;
    this.pos = pos;
    this.detail = detail;
  }

  public Kind kind() {
    return kind;
  }

  /** Where in the text, or null. */
  public Pos pos() {
    return pos;
  }

  /** The message without the position. */
  public String detail() {
    return detail;
  }

  static CclException syntax(Pos pos, String detail) {
    return new CclException(Kind.SYNTAX, pos, detail);
  }

  static CclException unsupported(Pos pos, String construct) {
    return new CclException(Kind.UNSUPPORTED, pos, "unsupported construct " + construct);
  }

  static CclException semantic(Pos pos, String detail) {
    return new CclException(Kind.SEMANTIC, pos, detail);
  }
}
