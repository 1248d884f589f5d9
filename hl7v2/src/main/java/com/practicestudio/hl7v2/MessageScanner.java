package com.practicestudio.hl7v2;

import java.util.Arrays;

/**
 * One pass over the message text that records segment and field boundaries in flat int arrays
 * ({@link MessageIndex}) and checks what every message must have: an MSH with usable delimiters,
 * well-formed segment names, a message type. Segment terminators may be CR, LF, CRLF or any run of
 * them; the run stays in the text, so encoding gives back the exact input.
 */
final class MessageScanner {

  /** What the first segment must be. */
  enum Kind {
    /** A message: MSH first, MSH-9 valued, no second MSH. */
    MESSAGE,
    /** Batch envelope segments (FHS, BHS, BTS, FTS) read on their own. */
    ENVELOPE
  }

  private final String text;
  private final Kind kind;
  private final Delimiters known;
  private int[] starts;
  private int[] ends;
  private int[] first;
  private int[] bounds;
  private int segments;
  private int boundCount;

  private MessageScanner(String text, Kind kind, Delimiters known) {
    this.text = text;
    this.kind = kind;
    this.known = known;
    int length = text.length();
    int segmentGuess = Math.max(8, length / 48);
    starts = new int[segmentGuess];
    ends = new int[segmentGuess];
    first = new int[segmentGuess + 1];
    bounds = new int[Math.max(16, length / 5)];
  }

  static MessageIndex scan(String text, Kind kind) {
    return new MessageScanner(text, kind, null).scan();
  }

  /**
   * Envelope segments; {@code known} serves when they start with BTS or FTS (no MSH-2 of their
   * own).
   */
  static MessageIndex scanEnvelope(String text, Delimiters known) {
    return new MessageScanner(text, Kind.ENVELOPE, known).scan();
  }

  private MessageIndex scan() {
    Delimiters delimiters = readDelimiters();
    char separator = delimiters.field();
    String t = text;
    int length = t.length();
    int segmentStart = 0;
    for (int i = 0; i < length; i++) {
      char c = t.charAt(i);
      if (c == separator) {
        addBound(i);
      } else if (c == '\r' || c == '\n') {
        endSegment(segmentStart, i);
        int next = i + 1;
        while (next < length && isLineBreak(t.charAt(next))) {
          next++;
        }
        segmentStart = next;
        i = next - 1;
      }
    }
    if (segmentStart < length) {
      endSegment(segmentStart, length);
    }
    first[segments] = boundCount;
    MessageIndex index = new MessageIndex(t, delimiters, segments, starts, ends, first, bounds);
    if (kind == Kind.MESSAGE) {
      requireMessageType(index);
    }
    return index;
  }

  private Delimiters readDelimiters() {
    String t = text;
    int length = t.length();
    int content = 0;
    while (content < length && isLineBreak(t.charAt(content))) {
      content++;
    }
    if (content == length) {
      throw new Hl7ParseException(Hl7Error.EMPTY_INPUT, 0);
    }
    if (!startsWithHeader()) {
      if (kind == Kind.ENVELOPE && known != null) {
        return known;
      }
      throw new Hl7ParseException(
          kind == Kind.MESSAGE ? Hl7Error.MISSING_MSH : Hl7Error.NOT_HL7, 0);
    }
    if (length == 3 || isLineBreak(t.charAt(3))) {
      throw new Hl7ParseException(Hl7Error.NO_ENCODING_CHARACTERS, 3);
    }
    char separator = t.charAt(3);
    int end = 4;
    while (end < length && t.charAt(end) != separator && !isLineBreak(t.charAt(end))) {
      end++;
    }
    return Delimiters.of(separator, t.substring(4, end), 3);
  }

  private boolean startsWithHeader() {
    if (text.startsWith("MSH")) {
      return true;
    }
    return kind == Kind.ENVELOPE && (text.startsWith("FHS") || text.startsWith("BHS"));
  }

  private void endSegment(int start, int end) {
    addBound(end);
    if (segments + 1 >= starts.length) {
      int size = starts.length * 2;
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      first = Arrays.copyOf(first, size + 1);
    }
    starts[segments] = start;
    ends[segments] = end;
    first[segments + 1] = boundCount;
    checkName(start);
    segments++;
  }

  private void checkName(int start) {
    int nameEnd = bounds[first[segments]];
    if (!Hl7Path.isSegmentName(text, start, nameEnd)) {
      throw new Hl7ParseException(
          Hl7Error.INVALID_SEGMENT_NAME, start, "segment " + (segments + 1));
    }
    if (segments > 0 && kind == Kind.MESSAGE && text.startsWith("MSH", start)) {
      throw new Hl7ParseException(Hl7Error.SEVERAL_MESSAGES, start);
    }
  }

  private void addBound(int offset) {
    if (boundCount == bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[boundCount++] = offset;
  }

  private static void requireMessageType(MessageIndex index) {
    long type = index.locate(0, 9, 1, 1, 1);
    if (type == Spans.NONE || Spans.start(type) == Spans.end(type)) {
      int at = type == Spans.NONE ? index.ends[0] : Spans.start(type);
      throw new Hl7ParseException(Hl7Error.MISSING_MESSAGE_TYPE, at);
    }
  }

  private static boolean isLineBreak(char c) {
    return c == '\r' || c == '\n';
  }
}
