package com.practicestudio.clinical;

import com.practicestudio.web.FieldChecks;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads a document's content as clients send it: base64 text of an allowed MIME type (the types
 * Cerner's DocumentReference accepts), within the size limit.
 */
final class DocumentContentReader {

  /** MIME types accepted, without parameters. */
  static final List<String> CONTENT_TYPES =
      List.of(
          "application/pdf",
          "text/plain",
          "text/rtf",
          "text/html",
          "application/xml",
          "text/xml",
          "application/xhtml+xml");

  private DocumentContentReader() {}

  /** The MIME type as stored (lower-case type, parameters kept), or null after a problem. */
  static String contentType(FieldChecks checks, String value) {
    if (checks.required("contentType", value) == null) {
      return null;
    }
    try {
      MediaType type = MediaType.parseMediaType(value.strip());
      String bare = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
      if (!CONTENT_TYPES.contains(bare)) {
        checks.problem("contentType", "must be one of " + String.join(", ", CONTENT_TYPES));
        return null;
      }
      return type.toString();
    } catch (InvalidMediaTypeException e) {
      checks.problem("contentType", "is not a MIME type");
      return null;
    }
  }

  /** The decoded bytes, or null after a problem. Line breaks in the base64 are allowed. */
  static byte[] decode(FieldChecks checks, String base64, long maxBytes) {
    if (checks.required("content", base64) == null) {
      return null;
    }
    String compact = base64.replaceAll("\\s+", "");
    if ((compact.length() / 4L) * 3 > maxBytes + 3) {
      checks.problem("content", "must be at most " + maxBytes + " bytes");
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      checks.problem("content", "is not valid base64");
      return null;
    }
    if (bytes.length == 0) {
      checks.problem("content", "is empty");
      return null;
    }
    if (bytes.length > maxBytes) {
      checks.problem("content", "must be at most " + maxBytes + " bytes");
      return null;
    }
    return bytes;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
