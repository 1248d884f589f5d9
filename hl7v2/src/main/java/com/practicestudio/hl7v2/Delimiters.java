package com.practicestudio.hl7v2;

/**
 * The delimiters of one message, read from MSH-1 (field separator) and MSH-2 (component,
 * repetition, escape, subcomponent and, from v2.7, truncation character, in that order).
 *
 * <p>Any printable non-alphanumeric characters are accepted, so non-standard sets such as {@code
 * MSH^~|\&} or {@code MSH|^~\}} read as the sender meant them. MSH-2 may be shorter than four
 * characters: the missing delimiters are then absent ({@link #hasSubcomponent()} is false and the
 * character never splits a value). A character that repeats an earlier delimiter (as in {@code
 * ^~\\&}) is treated as absent too, so the first meaning wins and nothing is split twice.
 */
public final class Delimiters {

  /** {@code |^~\&}: the delimiters every outbound message of ours uses. */
  public static final Delimiters STANDARD = of('|', "^~\\&", 0);

  static final int NONE = -1;

  private final char field;
  private final int component;
  private final int repetition;
  private final int escape;
  private final int subcomponent;
  private final int truncation;
  private final String encodingCharacters;

  private Delimiters(char field, int[] chars, String encodingCharacters) {
    this.field = field;
    this.component = chars[0];
    this.repetition = chars[1];
    this.escape = chars[2];
    this.subcomponent = chars[3];
    this.truncation = chars[4];
    this.encodingCharacters = encodingCharacters;
  }

  /**
   * Reads the delimiters from MSH-1 and the raw MSH-2 text.
   *
   * @param offset where MSH-1 is in the message text, for error positions
   * @throws Hl7ParseException HL7-003 when MSH-2 is empty, HL7-004 when longer than five
   *     characters, HL7-005 when a delimiter is alphanumeric, a space or a control character
   */
  public static Delimiters of(char field, String encodingCharacters, int offset) {
    requireDelimiter(field, offset);
    int length = encodingCharacters.length();
    if (length == 0) {
      throw new Hl7ParseException(Hl7Error.NO_ENCODING_CHARACTERS, offset + 1);
    }
    if (length > 5) {
      throw new Hl7ParseException(Hl7Error.INVALID_ENCODING_CHARACTERS, offset + 1);
    }
    int[] chars = {NONE, NONE, NONE, NONE, NONE};
    for (int i = 0; i < length; i++) {
      char c = encodingCharacters.charAt(i);
      requireDelimiter(c, offset + 1 + i);
      if (c != field && !contains(chars, c)) {
        chars[i] = c;
      }
    }
    return new Delimiters(field, chars, encodingCharacters);
  }

  private static void requireDelimiter(char c, int offset) {
    if (c <= ' ' || Character.isLetterOrDigit(c) || c == 0x7f || Character.isISOControl(c)) {
      throw new Hl7ParseException(Hl7Error.INVALID_DELIMITER, offset);
    }
  }

  private static boolean contains(int[] chars, char c) {
    for (int existing : chars) {
      if (existing == c) {
        return true;
      }
    }
    return false;
  }

  /** MSH-1. */
  public char field() {
    return field;
  }

  public char component() {
    return (char) component;
  }

  public char repetition() {
    return (char) repetition;
  }

  public char escape() {
    return (char) escape;
  }

  public char subcomponent() {
    return (char) subcomponent;
  }

  public char truncation() {
    return (char) truncation;
  }

  public boolean hasComponent() {
    return component != NONE;
  }

  public boolean hasRepetition() {
    return repetition != NONE;
  }

  public boolean hasEscape() {
    return escape != NONE;
  }

  public boolean hasSubcomponent() {
    return subcomponent != NONE;
  }

  public boolean hasTruncation() {
    return truncation != NONE;
  }

  /** MSH-2 exactly as received (or {@code ^~\&} for {@link #STANDARD}). */
  public String encodingCharacters() {
    return encodingCharacters;
  }

  int componentChar() {
    return component;
  }

  int repetitionChar() {
    return repetition;
  }

  int escapeChar() {
    return escape;
  }

  int subcomponentChar() {
    return subcomponent;
  }

  int truncationChar() {
    return truncation;
  }

  /** True when {@code c} is the field separator or one of the encoding characters in use. */
  boolean isDelimiter(char c) {
    return c == field
        || c == component
        || c == repetition
        || c == escape
        || c == subcomponent
        || c == truncation;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Delimiters that
        && field == that.field
        && encodingCharacters.equals(that.encodingCharacters);
  }

  @Override
  public int hashCode() {
    return field * 31 + encodingCharacters.hashCode();
  }

  @Override
  public String toString() {
    return field + encodingCharacters;
  }
}
