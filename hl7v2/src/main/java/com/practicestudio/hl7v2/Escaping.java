package com.practicestudio.hl7v2;

import java.nio.charset.Charset;

/**
 * HL7 escape sequences (v2.9 section 2.7). Reading decodes {@code \F\ \S\ \T\ \R\ \E\ \P\} to the
 * delimiter they stand for and {@code \Xhh..\} to the bytes it spells (in the message's charset).
 * NUL bytes spelled in hex are dropped, so HAPI's {@code \X000d\} reads as a carriage return. Every
 * other sequence ({@code \.br\}, {@code \H\}, {@code \N\}, {@code \Zxx\}, {@code \Cxxyy\}, unknown
 * ones) and an unterminated escape are kept verbatim, so nothing is lost; {@link
 * Rendering#PLAIN_TEXT} additionally turns the formatting commands into line breaks.
 */
public final class Escaping {

  /** What to do with formatting commands such as {@code \.br\}. */
  public enum Rendering {
    /** Keep formatting commands verbatim. */
    VERBATIM,
    /** {@code \.br\}, {@code \.sp\} and {@code \.ce\} become line breaks, other commands vanish. */
    PLAIN_TEXT
  }

  private Escaping() {}

  /** Escapes a plain value for one position in a message with these delimiters. */
  public static String escape(String value, Delimiters delimiters) {
    int length = value.length();
    int i = 0;
    while (i < length && !needsEscape(value.charAt(i), delimiters)) {
      i++;
    }
    if (i == length) {
      return value;
    }
    if (!delimiters.hasEscape()) {
      throw new Hl7ParseException(Hl7Error.UNENCODABLE_TEXT, -1, "no escape character in MSH-2");
    }
    char esc = delimiters.escape();
    StringBuilder out = new StringBuilder(length + 16).append(value, 0, i);
    for (; i < length; i++) {
      char c = value.charAt(i);
      String code = code(c, delimiters);
      if (code == null) {
        out.append(c);
      } else {
        out.append(esc).append(code).append(esc);
      }
    }
    return out.toString();
  }

  /** Decodes an encoded value (see the class comment); formatting commands stay verbatim. */
  public static String unescape(String encoded, Delimiters delimiters, Charset charset) {
    return decode(encoded, 0, encoded.length(), delimiters, charset, Rendering.VERBATIM);
  }

  static String decode(
      String text, int start, int end, Delimiters delimiters, Charset charset, Rendering mode) {
    int esc = delimiters.escapeChar();
    int first = esc == Delimiters.NONE ? -1 : indexOf(text, esc, start, end);
    if (first < 0) {
      return text.substring(start, end);
    }
    StringBuilder out = new StringBuilder(end - start).append(text, start, first);
    int i = first;
    while (i < end) {
      char c = text.charAt(i);
      if (c != esc) {
        out.append(c);
        i++;
        continue;
      }
      int close = indexOf(text, esc, i + 1, end);
      if (close < 0) {
        out.append(text, i, end);
        break;
      }
      if (!appendSequence(out, text, i + 1, close, delimiters, charset, mode)) {
        out.append(text, i, close + 1);
      }
      i = close + 1;
    }
    return out.toString();
  }

  private static boolean appendSequence(
      StringBuilder out,
      String text,
      int start,
      int end,
      Delimiters delimiters,
      Charset charset,
      Rendering mode) {
    int length = end - start;
    if (length == 0) {
      return false;
    }
    char kind = text.charAt(start);
    if (length == 1) {
      return appendSingle(out, kind, delimiters, mode);
    }
    if (kind == 'X') {
      return appendHex(out, text, start + 1, end, charset);
    }
    if (kind == '.' && mode == Rendering.PLAIN_TEXT) {
      appendFormatting(out, text.substring(start + 1, end));
      return true;
    }
    return false;
  }

  private static boolean appendSingle(
      StringBuilder out, char kind, Delimiters delimiters, Rendering mode) {
    int c =
        switch (kind) {
          case 'F' -> delimiters.field();
          case 'S' -> delimiters.componentChar();
          case 'T' -> delimiters.subcomponentChar();
          case 'R' -> delimiters.repetitionChar();
          case 'E' -> delimiters.escapeChar();
          case 'P' -> delimiters.truncationChar();
          default -> Delimiters.NONE;
        };
    if (c != Delimiters.NONE) {
      out.append((char) c);
      return true;
    }
    // highlighting on/off: meaningless in plain text
    return mode == Rendering.PLAIN_TEXT && (kind == 'H' || kind == 'N');
  }

  private static boolean appendHex(
      StringBuilder out, String text, int start, int end, Charset charset) {
    int digits = end - start;
    if (digits == 0 || digits % 2 != 0) {
      return false;
    }
    boolean wide = charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
    byte[] bytes = new byte[digits / 2];
    int length = 0;
    for (int i = 0; i < digits / 2; i++) {
      int high = hexDigit(text.charAt(start + 2 * i));
      int low = hexDigit(text.charAt(start + 2 * i + 1));
      if (high < 0 || low < 0) {
        return false;
      }
      byte b = (byte) (high << 4 | low);
      // NUL is never text: \X000d\ (as HAPI writes a carriage return) reads as CR
      if (b != 0 || wide) {
        bytes[length++] = b;
      }
    }
    out.append(new String(bytes, 0, length, charset));
    return true;
  }

  private static void appendFormatting(StringBuilder out, String command) {
    if (command.startsWith("sp")) {
      int lines = 1;
      String count = command.substring(2).trim();
      if (!count.isEmpty() && count.length() < 4 && count.chars().allMatch(Character::isDigit)) {
        lines = Math.max(1, Integer.parseInt(count));
      }
      out.append("\n".repeat(lines));
    } else if (command.equals("br") || command.equals("ce")) {
      out.append('\n');
    }
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
      return (c | 0x20) - 'a' + 10;
    }
    return -1;
  }

  private static boolean needsEscape(char c, Delimiters delimiters) {
    return c == '\r' || c == '\n' || delimiters.isDelimiter(c);
  }

  private static String code(char c, Delimiters delimiters) {
    if (c == delimiters.field()) {
      return "F";
    } else if (c == delimiters.componentChar()) {
      return "S";
    } else if (c == delimiters.subcomponentChar()) {
      return "T";
    } else if (c == delimiters.repetitionChar()) {
      return "R";
    } else if (c == delimiters.escapeChar()) {
      return "E";
    } else if (c == delimiters.truncationChar()) {
      return "P";
    } else if (c == '\r') {
      return "X0D";
    } else if (c == '\n') {
      return "X0A";
    }
    return null;
  }

  private static int indexOf(String text, int c, int from, int end) {
    for (int i = from; i < end; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
