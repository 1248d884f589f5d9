package com.practicestudio.hl7;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The few MSH fields of a message the parser refused, read leniently from its first line, so that
 * the negative ACK can still be addressed (MSH-3..6 swapped, MSA-2 = MSH-10), coded in the mode the
 * sender asked for (MSH-15/16) and the journal row can name its sender. Every field may be empty.
 */
record RawHeader(
    String sendingApplication,
    String sendingFacility,
    String receivingApplication,
    String receivingFacility,
    String messageType,
    String trigger,
    String controlId,
    String version,
    String acceptAck,
    String applicationAck) {

  static final RawHeader EMPTY = new RawHeader("", "", "", "", "", "", "", "", "", "");
  private static final int MAX_LINE = 4096;

  /** Reads MSH-3..MSH-16 from the first line; {@link #EMPTY} when it is not an MSH. */
  static RawHeader scan(byte[] bytes) {
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    int end = start;
    int limit = Math.min(bytes.length, start + MAX_LINE);
    while (end < limit && bytes[end] != '\r' && bytes[end] != '\n') {
      end++;
    }
    String line = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    if (line.length() < 4 || !line.startsWith("MSH")) {
      return EMPTY;
    }
    char fieldSeparator = line.charAt(3);
    if (Character.isLetterOrDigit(fieldSeparator) || Character.isWhitespace(fieldSeparator)) {
      return EMPTY;
    }
    List<String> fields = split(line, fieldSeparator);
    // fields.get(0) = "MSH", fields.get(1) = MSH-2; MSH-n is fields.get(n - 1)
    String encoding = field(fields, 2);
    char component = encoding.isEmpty() ? '^' : encoding.charAt(0);
    return new RawHeader(
        component(field(fields, 3), component),
        component(field(fields, 4), component),
        component(field(fields, 5), component),
        component(field(fields, 6), component),
        component(field(fields, 9), component),
        nthComponent(field(fields, 9), component, 2),
        printable(field(fields, 10)),
        component(field(fields, 12), component),
        component(field(fields, 15), component),
        component(field(fields, 16), component));
  }

  /** {@code app^facility} for the journal's sender column; {@code unknown} when both are empty. */
  String sender() {
    return Senders.of(sendingApplication, sendingFacility);
  }

  private static List<String> split(String line, char separator) {
    List<String> fields = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == separator) {
        fields.add(line.substring(from, i));
        from = i + 1;
      }
    }
    return fields;
  }

  private static String field(List<String> fields, int number) {
    return number - 1 < fields.size() ? fields.get(number - 1) : "";
  }

  private static String component(String field, char separator) {
    return nthComponent(field, separator, 1);
  }

  private static String nthComponent(String field, char separator, int n) {
    String[] parts = field.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
    return n - 1 < parts.length ? printable(parts[n - 1]) : "";
  }

  /** Keeps printable ASCII only and at most 64 characters: this text goes into ACKs and logs. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 64));
    for (int i = 0; i < text.length() && out.length() < 64; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        out.append(c);
      }
    }
    return out.toString().strip();
  }
}
