package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Segment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A document's content as a message carries it: an ED value in OBX-5 (source^type^subtype^
 * encoding^data, e.g. {@code ^application^pdf^Base64^JVBERi0…}, {@code ^TEXT^html^Base64^…}), or
 * text lines. The MIME type is the ED type and subtype ({@code application/pdf}, {@code
 * text/html}); Base64, Hex and plain (A) encodings are decoded.
 *
 * @param base64 the content, base64 (as the documents service takes it)
 */
record EdContent(String contentType, String base64, byte[] bytes) {

  /** The ED in OBX-5 (first repetition); HL7-109 naming the field when it cannot be read. */
  static EdContent read(Segment obx, String name) {
    String type = Fields.text(obx, 5, 1, 2, 1);
    String subtype = Fields.text(obx, 5, 1, 3, 1);
    String encoding = Fields.text(obx, 5, 1, 4, 1);
    String data = obx.get(5, 1, 5, 1).replaceAll("\\s+", "");
    if (data.isEmpty()) {
      throw Hl7HandlerError.BAD_CONTENT.failure(name + ".5 (ED data) is empty");
    }
    byte[] bytes = decode(encoding, data, name);
    if (bytes.length == 0) {
      throw Hl7HandlerError.BAD_CONTENT.failure(name + ".5 (ED data) is empty");
    }
    return new EdContent(
        mimeType(type, subtype, name), Base64.getEncoder().encodeToString(bytes), bytes);
  }

  /** Text lines as a UTF-8 plain-text document. */
  static EdContent text(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new EdContent(
        "text/plain; charset=UTF-8", Base64.getEncoder().encodeToString(bytes), bytes);
  }

  String sha256() {
    return RecordKeys.digestBytes(bytes);
  }

  private static byte[] decode(String encoding, String data, String name) {
    String e = encoding == null ? "" : encoding.toUpperCase(Locale.ROOT);
    try {
      return switch (e) {
        case "BASE64" -> Base64.getDecoder().decode(data);
        case "HEX" -> HexFormat.of().parseHex(data);
        case "A", "" -> data.getBytes(StandardCharsets.UTF_8);
        default ->
            throw Hl7HandlerError.BAD_CONTENT.failure(
                name + ".4 (ED encoding) is not Base64, Hex or A");
      };
    } catch (IllegalArgumentException ex) {
      throw Hl7HandlerError.BAD_CONTENT.failure(name + ".5 (ED data) is not valid " + encoding);
    }
  }

  private static String mimeType(String type, String subtype, String name) {
    if (subtype != null && subtype.contains("/")) {
      return subtype.toLowerCase(Locale.ROOT);
    }
    if (type == null || subtype == null) {
      throw Hl7HandlerError.BAD_CONTENT.failure(name + ".2/.3 (ED type of data) are empty");
    }
    String t = type.toLowerCase(Locale.ROOT);
    String main =
        switch (t) {
          case "ap", "application" -> "application";
          case "tx", "text" -> "text";
          case "im", "image" -> "image";
          case "au", "audio" -> "audio";
          default -> t;
        };
    return main + "/" + subtype.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "EdContent[" + contentType + ", " + bytes.length + " bytes]";
  }
}
