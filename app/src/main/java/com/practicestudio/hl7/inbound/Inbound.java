package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7.MessageContent;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Change;
import com.practicestudio.journal.Exchange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempt at applying one message: the message, its journal row, how to translate its codes and
 * read its times, and where to report what changes (the same in a dry run, whose writes the journal
 * rolls back).
 */
final class Inbound {

  private final Hl7Message message;
  private final Exchange exchange;
  private final ApplyContext context;
  private final CodeTranslator codes;
  private final MessageTimes times;
  private String contentKey;

  Inbound(
      Hl7Message message,
      Exchange exchange,
      ApplyContext context,
      CodeTranslator codes,
      MessageTimes times) {
    this.message = message;
    this.exchange = exchange;
    this.context = context;
    this.codes = codes;
    this.times = times;
  }

  Hl7Message message() {
    return message;
  }

  Exchange exchange() {
    return exchange;
  }

  CodeTranslator codes() {
    return codes;
  }

  MessageTimes times() {
    return times;
  }

  /** What the message says ({@link MessageContent#key}), digested once per message. */
  String contentKey() {
    if (contentKey == null) {
      contentKey = MessageContent.key(message);
    }
    return contentKey;
  }

  /** The trigger event the row was recorded (and routed) as, e.g. {@code A04}. */
  String trigger() {
    String type = exchange.messageType();
    int caret = type.indexOf('^');
    return caret < 0 ? message.triggerEvent() : type.substring(caret + 1).split("\\^")[0];
  }

  /** What applies the changes, for the audit trail: {@code HL7 ADT^A04}. */
  String source() {
    return "HL7 " + exchange.messageType();
  }

  /** The first segment with this name; HL7-102 when the message has none. */
  Segment required(String name) {
    return message
        .segment(name)
        .orElseThrow(() -> Hl7HandlerError.MISSING_SEGMENT.failure(name + " segment is missing"));
  }

  /** Which occurrence of its name (from 1) a segment is, for texts like {@code OBX(3)-5}. */
  int occurrence(Segment segment) {
    int n = 0;
    for (Segment s : message.segments(segment.name())) {
      n++;
      if (s.position() == segment.position()) {
        return n;
      }
    }
    return n;
  }

  /** {@code OBX-5} → {@code OBX(3)-5} for the third OBX; other fields unchanged. */
  Map<String, String> at(Segment segment, Map<String, String> fields) {
    String name = segment.name();
    String numbered = name + "(" + occurrence(segment) + ")-";
    Map<String, String> out = new HashMap<>();
    fields.forEach((k, v) -> out.put(k, v.startsWith(name + "-") ? numbered + v.substring(4) : v));
    return out;
  }

  void created(String entity, long id, List<String> fields) {
    context.report(Change.create(entity, Long.toString(id), fields));
  }

  void updated(String entity, long id, List<String> fields) {
    if (!fields.isEmpty()) {
      context.report(Change.update(entity, Long.toString(id), fields));
    }
  }
}
