package com.practicestudio.mllp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Just enough HL7 to check an answer: the field separator from MSH-1, then MSA-1 and MSA-2.
 * Segments may end with CR, LF or CRLF. No escape handling, no other fields: the full parse belongs
 * to the application.
 */
public final class AckReader {
  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final int MAX_DETAIL_CHARS = 20;

  private AckReader() {}

  /**
   * Reads MSA-1 and MSA-2.
   *
   * @throws MllpException {@link MllpError#ACK_WITHOUT_MSH}, {@link MllpError#ACK_WITHOUT_MSA} or
   *     {@link MllpError#ACK_CODE_UNKNOWN}
   */
  public static Ack read(byte[] answer) throws MllpException {
    int start = 0;
    while (start < answer.length && (answer[start] == CR || answer[start] == LF)) {
      start++;
    }
    if (!startsWith(answer, start, "MSH") || answer.length < start + 4) {
      throw new MllpException(MllpError.ACK_WITHOUT_MSH, null);
    }
    byte separator = answer[start + 3];
    int msa = findSegment(answer, start, separator);
    if (msa < 0) {
      throw new MllpException(MllpError.ACK_WITHOUT_MSA, null);
    }
    String code = field(answer, msa, separator, 1);
    String controlId = field(answer, msa, separator, 2);
    AckCode ackCode;
    try {
      ackCode = AckCode.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw new MllpException(MllpError.ACK_CODE_UNKNOWN, "MSA-1 '" + shorten(code) + "'");
    }
    return new Ack(ackCode, controlId, answer);
  }

  /**
   * Reads the answer and checks it acknowledges our message: MSA-2 equals {@code controlId} (our
   * MSH-10).
   *
   * @throws MllpException as {@link #read(byte[])}, or {@link MllpError#ACK_CONTROL_ID_MISMATCH}
   */
  public static Ack check(byte[] answer, String controlId) throws MllpException {
    Objects.requireNonNull(controlId, "controlId");
    Ack ack = read(answer);
    if (!ack.controlId().equals(controlId)) {
      throw new MllpException(
          MllpError.ACK_CONTROL_ID_MISMATCH,
          "expected '" + shorten(controlId) + "', MSA-2 '" + shorten(ack.controlId()) + "'");
    }
    return ack;
  }

  private static int findSegment(byte[] bytes, int from, byte separator) {
    int i = from;
    while (i < bytes.length) {
      if (startsWith(bytes, i, "MSA")
          && (i + 3 == bytes.length || bytes[i + 3] == separator || isEnd(bytes[i + 3]))) {
        return i;
      }
      while (i < bytes.length && !isEnd(bytes[i])) {
        i++;
      }
      while (i < bytes.length && isEnd(bytes[i])) {
        i++;
      }
    }
    return -1;
  }

  /**
   * Field {@code n} of the segment at {@code segment} (field 0 is the segment name); empty when
   * absent.
   */
  private static String field(byte[] bytes, int segment, byte separator, int n) {
    int i = segment;
    int field = 0;
    while (field < n) {
      while (i < bytes.length && bytes[i] != separator && !isEnd(bytes[i])) {
        i++;
      }
      if (i >= bytes.length || isEnd(bytes[i])) {
        return "";
      }
      i++;
      field++;
    }
    int end = i;
    while (end < bytes.length && bytes[end] != separator && !isEnd(bytes[end])) {
      end++;
    }
    return new String(bytes, i, end - i, StandardCharsets.UTF_8);
  }

  private static boolean isEnd(byte b) {
    return b == CR || b == LF;
  }

  private static boolean startsWith(byte[] bytes, int at, String prefix) {
    if (at + prefix.length() > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[at + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String shorten(String value) {
    return value.length() <= MAX_DETAIL_CHARS ? value : value.substring(0, MAX_DETAIL_CHARS) + "…";
  }
}
