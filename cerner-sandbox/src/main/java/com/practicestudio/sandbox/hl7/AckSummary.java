package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import java.nio.charset.StandardCharsets;

/** MSA-1, MSA-2 and MSA-3 of an answer, read with the {@code hl7v2} parser. */
record AckSummary(String code, String controlId, String text, String raw, String problem) {

  static AckSummary read(byte[] answer) {
    try {
      Hl7Message ack = Hl7Message.parse(answer);
      if (ack.segment("MSA").isEmpty()) {
        return new AckSummary(null, null, null, ack.encode(), "the answer has no MSA segment");
      }
      String text = ack.get("MSA-3");
      return new AckSummary(
          ack.get("MSA-1"), ack.get("MSA-2"), text.isEmpty() ? null : text, ack.encode(), null);
    } catch (Hl7ParseException e) {
      return new AckSummary(
          null,
          null,
          null,
          new String(answer, StandardCharsets.ISO_8859_1),
          "the answer is not HL7 (" + e.error().code() + ")");
    }
  }
}
