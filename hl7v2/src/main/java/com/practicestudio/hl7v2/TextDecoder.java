package com.practicestudio.hl7v2;

import com.practicestudio.hl7v2.Hl7Charset.Source;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Turns message bytes into text following the rules documented on {@link Hl7Charset}. */
final class TextDecoder {

  /** The text of a message and how it was decoded. */
  record Decoded(String text, Hl7Charset charset) {}

  private static final int MSH18 = 18;

  private TextDecoder() {}

  static Decoded decode(byte[] bytes, int offset, int length) {
    int start = offset;
    int end = offset + length;
    if (startsWith(bytes, start, end, 0xEF, 0xBB, 0xBF)) {
      return decodeAfterBom(bytes, start + 3, end, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, start, end, 0xFE, 0xFF)) {
      return decodeAfterBom(bytes, start + 2, end, StandardCharsets.UTF_16BE);
    }
    if (startsWith(bytes, start, end, 0xFF, 0xFE)) {
      return decodeAfterBom(bytes, start + 2, end, StandardCharsets.UTF_16LE);
    }
    Optional<String> declared = declaredCharset(bytes, start, end);
    Optional<Charset> named = declared.flatMap(Hl7Charset::forName);
    if (named.isPresent() && asciiCompatible(named.get())) {
      String text = strict(bytes, start, end, named.get());
      if (text != null) {
        return new Decoded(text, new Hl7Charset(named.get(), false, declared, Source.DECLARED));
      }
    }
    String utf8 = strict(bytes, start, end, StandardCharsets.UTF_8);
    if (utf8 != null) {
      Source source = isUtf8(named) ? Source.DECLARED : Source.DETECTED_UTF8;
      return new Decoded(utf8, new Hl7Charset(StandardCharsets.UTF_8, false, declared, source));
    }
    String latin1 = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    return new Decoded(
        latin1,
        new Hl7Charset(StandardCharsets.ISO_8859_1, false, declared, Source.FALLBACK_LATIN1));
  }

  private static Decoded decodeAfterBom(byte[] bytes, int start, int end, Charset charset) {
    String text = strict(bytes, start, end, charset);
    if (text == null) {
      if (charset != StandardCharsets.UTF_8) {
        throw new Hl7ParseException(Hl7Error.UNDECODABLE_TEXT, 0, charset.name());
      }
      text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
      charset = StandardCharsets.ISO_8859_1;
    }
    Optional<String> declared = Optional.empty();
    if (charset == StandardCharsets.UTF_8 || charset == StandardCharsets.ISO_8859_1) {
      declared = declaredCharset(bytes, start, end);
    }
    Source source =
        charset == StandardCharsets.ISO_8859_1 ? Source.FALLBACK_LATIN1 : Source.BYTE_ORDER_MARK;
    return new Decoded(text, new Hl7Charset(charset, true, declared, source));
  }

  /** Decodes strictly; null when the bytes are not valid in the charset or do not round-trip. */
  static String strict(byte[] bytes, int start, int end, Charset charset) {
    if (charset == StandardCharsets.ISO_8859_1) {
      return new String(bytes, start, end - start, charset);
    }
    if (charset == StandardCharsets.UTF_8) {
      String fast = new String(bytes, start, end - start, charset);
      if (fast.indexOf('\uFFFD') < 0) {
        return fast;
      }
    }
    String text;
    try {
      text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, start, end - start))
              .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    if (charset == StandardCharsets.UTF_8 || charset == StandardCharsets.US_ASCII) {
      return text;
    }
    byte[] again = text.getBytes(charset);
    return Arrays.equals(again, 0, again.length, bytes, start, end) ? text : null;
  }

  private static boolean asciiCompatible(Charset charset) {
    String name = charset.name();
    return !name.startsWith("UTF-16") && !name.startsWith("UTF-32");
  }

  private static boolean isUtf8(Optional<Charset> named) {
    return named.isPresent() && named.get() == StandardCharsets.UTF_8;
  }

  private static boolean startsWith(byte[] bytes, int start, int end, int... prefix) {
    if (end - start < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[start + i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * MSH-18 (first repetition) read straight from the bytes of the first segment, which are ASCII in
   * every ASCII-compatible charset. Empty when the first segment is not MSH/FHS/BHS or MSH-18 is
   * not valued.
   */
  static Optional<String> declaredCharset(byte[] bytes, int start, int end) {
    if (end - start < 8 || !isHeaderName(bytes, start)) {
      return Optional.empty();
    }
    byte separator = bytes[start + 3];
    byte repetition = bytes[start + 5];
    int field = 2; // the bytes after "MSH|" are MSH-2
    int i = start + 4;
    while (i < end && field < MSH18) {
      byte b = bytes[i++];
      if (b == '\r' || b == '\n') {
        return Optional.empty();
      }
      if (b == separator) {
        field++;
      }
    }
    int valueStart = i;
    while (i < end) {
      byte b = bytes[i];
      if (b == separator || b == repetition || b == '\r' || b == '\n') {
        break;
      }
      i++;
    }
    if (field < MSH18 || i == valueStart) {
      return Optional.empty();
    }
    return Optional.of(new String(bytes, valueStart, i - valueStart, StandardCharsets.ISO_8859_1));
  }

  private static boolean isHeaderName(byte[] bytes, int start) {
    byte first = bytes[start];
    return (first == 'M' || first == 'F' || first == 'B')
        && bytes[start + 1] == (first == 'M' ? 'S' : 'H')
        && bytes[start + 2] == (first == 'M' ? 'H' : 'S');
  }
}
