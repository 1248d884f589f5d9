package com.practicestudio.mllp;

import java.nio.charset.StandardCharsets;

/** Minimal HL7 samples for the socket tests; field comments name what matters. */
final class Hl7 {
  private Hl7() {}

  /**
   * An ADT^A08 (MSH-9) with control id (MSH-10) {@code controlId}; PID is made up, not a real
   * person.
   */
  static byte[] adtA08(String controlId) {
    return ("MSH|^~\\&|CERNER|HOSP|PS|PS|20261125120000||ADT^A08|"
            + controlId
            + "|P|2.3\r"
            + "PID|1||MRN0001^^^HOSP^MRN||TEST^PATIENT\r")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** An ACK with MSA-1 {@code code} and MSA-2 the control id. */
  static byte[] ack(String code, String controlId) {
    return ("MSH|^~\\&|PS|PS|CERNER|HOSP|20261125120001||ACK^A08|A"
            + controlId
            + "|P|2.3\r"
            + "MSA|"
            + code
            + "|"
            + controlId
            + "\r")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * MSH-10 of a message, or "" when it has none (enough for tests; real code uses the hl7v2
   * module).
   */
  static String controlId(byte[] message) {
    String text = new String(message, StandardCharsets.US_ASCII);
    int end = text.indexOf('\r');
    String[] fields = (end < 0 ? text : text.substring(0, end)).split("\\|", -1);
    return fields.length > 9 && fields[0].equals("MSH") ? fields[9] : "";
  }

  /** The handler the tests use: AA for the message's control id. */
  static byte[] acceptAll(Frame frame, ConnectionInfo peer) {
    return ack("AA", controlId(frame.payload()));
  }

  /**
   * The error answer the tests use: AE with the MLLP code in MSA-3, for whatever control id is
   * readable.
   */
  static byte[] negative(FrameFailure failure, ConnectionInfo peer) {
    String id = controlId(failure.content());
    return ("MSH|^~\\&|PS|PS|||20261125120001||ACK|N"
            + id
            + "|P|2.3\r"
            + "MSA|AE|"
            + id
            + "|"
            + failure.error().code()
            + "\r")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** MSA-1 and MSA-3 of an answer, as "AA" or "AE MLLP-016". */
  static String outcome(byte[] answer) {
    for (String segment : text(answer).split("\r")) {
      if (segment.startsWith("MSA|")) {
        String[] f = segment.split("\\|", -1);
        return f.length > 3 ? f[1] + " " + f[3] : f[1];
      }
    }
    return "no MSA";
  }
}
