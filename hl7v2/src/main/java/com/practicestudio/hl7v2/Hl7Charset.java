package com.practicestudio.hl7v2;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a message's bytes became text, and how its text becomes bytes again.
 *
 * <p>The rules, first match wins:
 *
 * <ol>
 *   <li>a UTF-8 byte-order mark means UTF-8 (a UTF-16 mark means UTF-16), whatever MSH-18 says;
 *   <li>a recognised MSH-18 (first repetition; see {@link #forName(String)}) is used when the bytes
 *       decode cleanly in it;
 *   <li>otherwise bytes that are valid UTF-8 are UTF-8 (so a message that declares nothing, or
 *       {@code ASCII}, but carries UTF-8 letters still reads correctly);
 *   <li>otherwise ISO-8859-1, which maps every byte and so never loses one.
 * </ol>
 *
 * @param charset the charset the text was decoded with; {@link Hl7Message#toBytes()} uses it
 * @param byteOrderMark whether the bytes started with a byte-order mark (written back on encoding)
 * @param declared MSH-18 as received (first repetition), or empty when not valued
 * @param source which rule chose {@link #charset}
 */
public record Hl7Charset(
    Charset charset, boolean byteOrderMark, Optional<String> declared, Source source) {

  /** Which rule chose the charset. */
  public enum Source {
    BYTE_ORDER_MARK,
    DECLARED,
    DETECTED_UTF8,
    FALLBACK_LATIN1,
    /** Built in memory ({@link Hl7Message#parse(String)}, {@link MessageBuilder}): no bytes yet. */
    TEXT
  }

  private static final Map<String, Charset> NAMES = names();

  /**
   * The bytes of {@code text} in this charset, preceded by the byte-order mark if the original had
   * one.
   *
   * @throws Hl7ParseException HL7-016 when a character has no encoding in this charset
   */
  public byte[] encode(String text) {
    byte[] body;
    if (charset == StandardCharsets.UTF_8 || canEncodeAll(text)) {
      body = text.getBytes(charset);
    } else {
      try {
        ByteBuffer buffer =
            charset
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(text));
        body = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
      } catch (CharacterCodingException e) {
        throw new Hl7ParseException(Hl7Error.UNENCODABLE_TEXT, -1, charset.name());
      }
    }
    byte[] mark = byteOrderMark ? markBytes() : new byte[0];
    if (mark.length == 0) {
      return body;
    }
    byte[] bytes = Arrays.copyOf(mark, mark.length + body.length);
    System.arraycopy(body, 0, bytes, mark.length, body.length);
    return bytes;
  }

  private boolean canEncodeAll(String text) {
    int limit = charset == StandardCharsets.ISO_8859_1 ? 0xFF : 0x7F;
    for (int i = 0, n = text.length(); i < n; i++) {
      if (text.charAt(i) > limit) {
        return false;
      }
    }
    return true;
  }

  private byte[] markBytes() {
    if (charset == StandardCharsets.UTF_16BE) {
      return new byte[] {(byte) 0xFE, (byte) 0xFF};
    }
    if (charset == StandardCharsets.UTF_16LE) {
      return new byte[] {(byte) 0xFF, (byte) 0xFE};
    }
    // UTF-8, or ISO-8859-1 read after a UTF-8 mark from bytes that were not valid UTF-8
    return new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  }

  /** A message built from text: UTF-8 unless MSH-18 names something else we know. */
  static Hl7Charset forText(Optional<String> declared) {
    Charset charset = declared.flatMap(Hl7Charset::forName).orElse(StandardCharsets.UTF_8);
    return new Hl7Charset(charset, false, declared, Source.TEXT);
  }

  /**
   * The Java charset for an HL7 character set name from table 0211 ({@code ASCII}, {@code 8859/1}
   * ... {@code 8859/9}, {@code 8859/15}, {@code ISO IR6}, {@code ISO IR100}, {@code ISO IR192},
   * {@code UNICODE UTF-8}, {@code UNICODE UTF-16}, {@code BIG-5}, {@code GB 18030-2000}, {@code KS
   * X 1001}) or a common alias ({@code UTF-8}, {@code UTF8}, {@code ISO-8859-1}, {@code
   * WINDOWS-1252}); empty when unknown.
   */
  public static Optional<Charset> forName(String hl7Name) {
    String key = hl7Name.trim().toUpperCase(Locale.ROOT);
    return Optional.ofNullable(NAMES.get(key));
  }

  private static Map<String, Charset> names() {
    Map<String, Charset> names = new java.util.HashMap<>();
    for (String name : new String[] {"ASCII", "ISO IR6", "US-ASCII"}) {
      names.put(name, StandardCharsets.US_ASCII);
    }
    for (String name :
        new String[] {
          "UNICODE UTF-8", "ISO IR192", "UTF-8", "UTF8", "UNICODE UTF8", "ISO_IR 192"
        }) {
      names.put(name, StandardCharsets.UTF_8);
    }
    String[][] latin = {
      {"1", "ISO IR100"}, {"2", "ISO IR101"}, {"3", "ISO IR109"}, {"4", "ISO IR110"},
      {"5", "ISO IR144"}, {"6", "ISO IR127"}, {"7", "ISO IR126"}, {"8", "ISO IR138"},
      {"9", "ISO IR148"}, {"15", null}
    };
    for (String[] entry : latin) {
      Charset charset = Charset.forName("ISO-8859-" + entry[0]);
      names.put("8859/" + entry[0], charset);
      names.put("ISO-8859-" + entry[0], charset);
      if (entry[1] != null) {
        names.put(entry[1], charset);
      }
    }
    names.put("UNICODE UTF-16", StandardCharsets.UTF_16);
    names.put("UNICODE", StandardCharsets.UTF_16);
    putIfSupported(names, "BIG-5", "Big5");
    putIfSupported(names, "GB 18030-2000", "GB18030");
    putIfSupported(names, "KS X 1001", "EUC-KR");
    putIfSupported(names, "WINDOWS-1252", "windows-1252");
    putIfSupported(names, "CP1252", "windows-1252");
    return Map.copyOf(names);
  }

  private static void putIfSupported(Map<String, Charset> names, String hl7Name, String java) {
    if (Charset.isSupported(java)) {
      names.put(hl7Name, Charset.forName(java));
    }
  }
}
