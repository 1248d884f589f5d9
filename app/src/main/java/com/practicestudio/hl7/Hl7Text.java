package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Charset;
import com.practicestudio.hl7v2.Hl7Message;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Parsing with an interface's charset override, and the journal content type of a message. */
final class Hl7Text {

  static final String CONTENT_TYPE = "application/hl7-v2";

  private Hl7Text() {}

  /**
   * Parses the bytes; with an override, decodes them in that charset (a UTF-8 byte-order mark is
   * dropped) instead of what the message declares.
   *
   * @throws com.practicestudio.hl7v2.Hl7ParseException when the bytes are not one HL7 v2 message
   */
  static Hl7Message parse(byte[] bytes, String charsetOverride) {
    if (charsetOverride == null) {
      return Hl7Message.parse(bytes);
    }
    Charset charset = charset(charsetOverride);
    int start = bom(bytes) ? 3 : 0;
    return Hl7Message.parse(new String(bytes, start, bytes.length - start, charset));
  }

  /** The charset of an override name (HL7 MSH-18 names first, then Java names). */
  static Charset charset(String name) {
    return Hl7Charset.forName(name).orElseGet(() -> Charset.forName(name));
  }

  /** The charset ACKs are written in: the override, else the message's own. */
  static Charset answerCharset(Hl7Message received, String charsetOverride) {
    return charsetOverride != null ? charset(charsetOverride) : received.charset().charset();
  }

  /** {@code application/hl7-v2}, with the charset when it is not UTF-8. */
  static String contentType(Charset charset) {
    if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
      return CONTENT_TYPE;
    }
    return CONTENT_TYPE + "; charset=" + charset.name().toUpperCase(Locale.ROOT);
  }

  private static boolean bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }
}
