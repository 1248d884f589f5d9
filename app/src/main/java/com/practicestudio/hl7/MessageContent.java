package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.SegmentTerminator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a message says, as a key: its type and every segment after MSH, with CR terminators,
 * digested. A resend may carry a new MSH-7 or MSH-10 (some engines rebuild the header when they
 * resend), other line ends or a byte-order mark, and still has the same key; any other difference
 * gives another. It tells a resend from a different message under a reused control id, and names a
 * message whose lines carry no ids of their own.
 */
public final class MessageContent {

  private MessageContent() {}

  public static String key(Hl7Message message) {
    String text = message.encode(SegmentTerminator.CR);
    int afterHeader = text.indexOf('\r');
    String body = afterHeader < 0 ? "" : text.substring(afterHeader + 1);
    return digest(
        (message.messageType() + '^' + message.triggerEvent() + '\r' + body)
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The first 128 bits of the SHA-256 of the bytes, in hex. */
  static String digest(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
