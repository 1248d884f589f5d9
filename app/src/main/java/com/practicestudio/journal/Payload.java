package com.practicestudio.journal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * A journal row's message, as received or as to be sent. PHI: never log it.
 *
 * @param contentType MIME type, optionally with a {@code charset} parameter (e.g. {@code
 *     application/hl7-v2; charset=ISO-8859-1}); the text default is UTF-8
 */
public record Payload(byte[] bytes, String contentType) {

  public Payload {
    if (bytes == null) {
      throw new IllegalArgumentException("payload bytes are required");
    }
  }

  public static Payload text(String text, String contentType) {
    Payload probe = new Payload(new byte[0], contentType);
    return new Payload(text.getBytes(probe.charset()), contentType);
  }

  /** The bytes decoded with the content type's charset (UTF-8 when none is named). */
  public String text() {
    return new String(bytes, charset());
  }

  public int size() {
    return bytes.length;
  }

  /** Whether the content is text (shown as text by the API) rather than binary. */
  public boolean textual() {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.contains("json")
        || type.contains("xml")
        || type.contains("hl7")
        || type.contains("x12")
        || type.contains("csv")
        || type.contains("charset=");
  }

  Charset charset() {
    if (contentType != null) {
      for (String part : contentType.split(";")) {
        String p = part.trim();
        if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          try {
            return Charset.forName(p.substring("charset=".length()).replace("\"", "").trim());
          } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
