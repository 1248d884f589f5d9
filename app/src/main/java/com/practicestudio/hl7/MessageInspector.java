package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import java.util.List;
import java.util.Locale;

/**
 * Reads just enough of a received frame to record and answer it: MSH-3/4 (sender), MSH-9 (type),
 * MSH-10 (control id), the correlation key, MSH-15/16, and the filter rules' verdict. Never throws
 * for bad content: a message the parser refuses comes back as malformed.
 */
final class MessageInspector {

  private MessageInspector() {}

  static Inspection inspect(
      byte[] payload, ListenerSettings settings, List<Hl7Rule> filters, CorrelationKeys keys) {
    Hl7Message message;
    try {
      message = Hl7Text.parse(payload, settings.charset());
    } catch (Hl7ParseException e) {
      return malformed(payload, e, settings);
    }
    String type = message.messageType();
    String trigger = message.triggerEvent();
    String messageType = trigger.isEmpty() ? type : type + "^" + trigger;
    String controlId = message.controlId().strip();
    String application = message.get("MSH-16").strip().toUpperCase(Locale.ROOT);
    boolean enhanced = enhanced(message, settings);
    String contentKey = MessageContent.key(message);
    return new Inspection(
        message,
        null,
        RawHeader.EMPTY,
        messageType,
        Senders.of(message.get("MSH-3.1"), message.get("MSH-4.1")),
        controlId.isEmpty() ? "NO-MSH10:" + contentKey : controlId,
        keys.of(message),
        RuleEngine.decide(filters, message),
        message.charset().charset(),
        enhanced,
        enhanced ? application : "",
        contentKey);
  }

  /**
   * Whether enhanced-mode acknowledgment applies: the listener is in enhanced mode and the message
   * fills MSH-15 or MSH-16 (one with both empty is acknowledged in original mode, as HL7 says).
   */
  static boolean enhanced(Hl7Message message, ListenerSettings settings) {
    return enhanced(settings, message.get("MSH-15"), message.get("MSH-16"));
  }

  /** {@link #enhanced(Hl7Message, ListenerSettings)} for a header the parser refused. */
  static boolean enhanced(RawHeader header, ListenerSettings settings) {
    return enhanced(settings, header.acceptAck(), header.applicationAck());
  }

  private static boolean enhanced(ListenerSettings settings, String msh15, String msh16) {
    return settings.ackMode() == AckMode.ENHANCED && (!msh15.isBlank() || !msh16.isBlank());
  }

  private static Inspection malformed(
      byte[] payload, Hl7ParseException e, ListenerSettings settings) {
    RawHeader header = RawHeader.scan(payload);
    return new Inspection(
        null,
        e,
        header,
        Inspection.MALFORMED,
        header.sender(),
        Inspection.MALFORMED + ":" + MessageContent.digest(payload),
        null,
        null,
        null,
        enhanced(header, settings),
        "",
        null);
  }
}
