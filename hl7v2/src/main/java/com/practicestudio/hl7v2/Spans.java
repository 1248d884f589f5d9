package com.practicestudio.hl7v2;

/**
 * Locates parts of the message text without copying it. A span is a start and an end offset packed
 * into one {@code long} (start in the high half), or {@link #NONE} when the part does not exist;
 * packing keeps path access free of allocations.
 */
final class Spans {

  static final long NONE = -1L;

  private Spans() {}

  static long of(int start, int end) {
    return ((long) start << 32) | (end & 0xFFFFFFFFL);
  }

  static int start(long span) {
    return (int) (span >>> 32);
  }

  static int end(long span) {
    return (int) span;
  }

  /**
   * The {@code n}-th (1-based) part of {@code span} split on {@code separator}, or {@link #NONE}
   * when there are fewer parts. An absent separator ({@link Delimiters#NONE}) never splits.
   */
  static long part(String text, long span, int separator, int n) {
    if (span == NONE || n < 1) {
      return NONE;
    }
    int start = start(span);
    int end = end(span);
    if (separator == Delimiters.NONE) {
      return n == 1 ? span : NONE;
    }
    int partStart = start;
    int index = 1;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == separator) {
        if (index == n) {
          return of(partStart, i);
        }
        index++;
        partStart = i + 1;
      }
    }
    return index == n ? of(partStart, end) : NONE;
  }

  /** How many parts {@code span} has when split on {@code separator}; 0 for an empty span. */
  static int count(String text, long span, int separator) {
    if (span == NONE) {
      return 0;
    }
    int start = start(span);
    int end = end(span);
    if (start == end) {
      return 0;
    }
    int parts = 1;
    if (separator != Delimiters.NONE) {
      for (int i = start; i < end; i++) {
        if (text.charAt(i) == separator) {
          parts++;
        }
      }
    }
    return parts;
  }

  static ValueState state(String text, long span) {
    if (span == NONE) {
      return ValueState.ABSENT;
    }
    int start = start(span);
    int length = end(span) - start;
    if (length == 0) {
      return ValueState.EMPTY;
    }
    if (length == 2 && text.charAt(start) == '"' && text.charAt(start + 1) == '"') {
      return ValueState.NULL;
    }
    return ValueState.VALUED;
  }

  static String raw(String text, long span) {
    return span == NONE ? "" : text.substring(start(span), end(span));
  }
}
