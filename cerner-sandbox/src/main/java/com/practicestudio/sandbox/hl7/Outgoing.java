package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import java.nio.charset.StandardCharsets;

/** A message ready to go: its bytes and what the run records about it. */
record Outgoing(
    int number, byte[] bytes, String text, String controlId, String type, Integer duplicateOf) {

  static Outgoing of(int number, Hl7Message message) {
    return new Outgoing(
        number,
        message.toBytes(),
        message.encode(),
        message.controlId(),
        message.messageType() + "^" + message.triggerEvent(),
        null);
  }

  /** A literal message: line breaks become CR; sent as is even when it does not parse. */
  static Outgoing literal(int number, String text) {
    String normalised = text.replace("\r\n", "\r").replace('\n', '\r');
    try {
      return of(number, Hl7Message.parse(normalised));
    } catch (Hl7ParseException e) {
      return new Outgoing(
          number, normalised.getBytes(StandardCharsets.ISO_8859_1), normalised, null, "", null);
    }
  }

  Outgoing repeatedAs(int newNumber) {
    return new Outgoing(newNumber, bytes, text, controlId, type, number);
  }
}
