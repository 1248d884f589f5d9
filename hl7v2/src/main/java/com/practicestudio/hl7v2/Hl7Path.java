package com.practicestudio.hl7v2;

/**
 * A position in a message: {@code SEG(occurrence)-field(repetition).component.subcomponent}, all
 * numbers 1-based, e.g. {@code PID-3(2).4}, {@code PID-3.4.2}, {@code MSH-9.1}, {@code OBX(3)-5}.
 * {@code -} is accepted in place of {@code .} ({@code PID-3-4-2}, as in HAPI's Terser).
 *
 * <p>Parts left out are 0 here. Reading a value ({@link Hl7Message#get(Hl7Path)}) fills them with 1
 * (the first occurrence, repetition, component and subcomponent); reading raw text ({@link
 * Hl7Message#raw(Hl7Path)}) stops at the last part given, so {@code PID-3} is the whole field with
 * all its repetitions.
 *
 * @param segment the three-character segment name
 * @param occurrence which segment of that name, or 0 (meaning the first)
 * @param field the field number, from 1 (MSH-1 is the field separator)
 * @param repetition the repetition, or 0 when not given
 * @param component the component, or 0 when not given
 * @param subcomponent the subcomponent, or 0 when not given
 */
public record Hl7Path(
    String segment, int occurrence, int field, int repetition, int component, int subcomponent) {

  private static final int MAX_NUMBER = 99_999;

  public Hl7Path {
    if (segment == null || !isSegmentName(segment, 0, segment.length())) {
      throw invalid();
    }
    if (field < 1 || occurrence < 0 || repetition < 0 || component < 0 || subcomponent < 0) {
      throw invalid();
    }
    if (subcomponent > 0 && component == 0) {
      throw invalid();
    }
  }

  /**
   * Reads a path.
   *
   * @throws Hl7ParseException HL7-010 when the text is not a path
   */
  public static Hl7Path of(String path) {
    return new Reader(path).read();
  }

  /** Occurrence with 0 read as 1. */
  int occurrenceOrFirst() {
    return Math.max(occurrence, 1);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(segment);
    if (occurrence > 0) {
      text.append('(').append(occurrence).append(')');
    }
    text.append('-').append(field);
    if (repetition > 0) {
      text.append('(').append(repetition).append(')');
    }
    if (component > 0) {
      text.append('.').append(component);
    }
    if (subcomponent > 0) {
      text.append('.').append(subcomponent);
    }
    return text.toString();
  }

  static boolean isSegmentName(CharSequence text, int start, int end) {
    if (end - start != 3) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static Hl7ParseException invalid() {
    return new Hl7ParseException(Hl7Error.INVALID_PATH, -1);
  }

  /** A one-pass reader over the path text. */
  private static final class Reader {
    private final String text;
    private int pos;

    Reader(String text) {
      if (text == null) {
        throw invalid();
      }
      this.text = text;
    }

    Hl7Path read() {
      if (text.length() < 5 || !isSegmentName(text, 0, 3)) {
        throw invalid();
      }
      pos = 3;
      int occurrence = bracketed();
      expect('-');
      int field = number();
      int repetition = bracketed();
      int component = 0;
      int subcomponent = 0;
      if (pos < text.length()) {
        separator();
        component = number();
        if (pos < text.length()) {
          separator();
          subcomponent = number();
        }
      }
      if (pos != text.length()) {
        throw invalid();
      }
      return new Hl7Path(
          text.substring(0, 3), occurrence, field, repetition, component, subcomponent);
    }

    private int bracketed() {
      if (pos < text.length() && text.charAt(pos) == '(') {
        pos++;
        int value = number();
        expect(')');
        if (value < 1) {
          throw invalid();
        }
        return value;
      }
      return 0;
    }

    private void separator() {
      char c = text.charAt(pos);
      if (c != '.' && c != '-') {
        throw invalid();
      }
      pos++;
    }

    private void expect(char c) {
      if (pos >= text.length() || text.charAt(pos) != c) {
        throw invalid();
      }
      pos++;
    }

    private int number() {
      int start = pos;
      int value = 0;
      while (pos < text.length() && isDigit(text.charAt(pos)) && pos - start < 6) {
        value = value * 10 + (text.charAt(pos) - '0');
        pos++;
      }
      if (pos == start || value > MAX_NUMBER || value < 1) {
        throw invalid();
      }
      return value;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
