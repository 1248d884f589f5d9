package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.Payload;
import com.practicestudio.ops.PayloadRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shows an HL7 v2 payload parsed on the console's exchange page: one row per valued field — the
 * segment (with its occurrence), the field's path and its encoded text. The page already audits the
 * payload read and shows it only to roles allowed PHI.
 */
final class Hl7PayloadRenderer implements PayloadRenderer {

  private static final List<String> COLUMNS = List.of("Segment", "Field", "Value");
  private final java.util.function.Supplier<Hl7Config> config;

  Hl7PayloadRenderer(java.util.function.Supplier<Hl7Config> config) {
    this.config = config;
  }

  @Override
  public Optional<Parsed> render(Exchange exchange, Payload payload) {
    if (exchange.channel() != Channel.HL7) {
      return Optional.empty();
    }
    String charset =
        config
            .get()
            .byName(exchange.endpoint())
            .map(i -> i.listener() == null ? null : i.listener().charset())
            .orElse(null);
    Hl7Message m;
    try {
      m = Hl7Text.parse(payload.bytes(), charset);
    } catch (Hl7ParseException e) {
      return Optional.of(
          new Parsed(
              "Not HL7 v2: " + e.code() + " " + e.error().description(), COLUMNS, List.of()));
    }
    List<List<String>> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Segment s : m.segments()) {
      int occurrence = seen.merge(s.name(), 1, Integer::sum);
      String label = occurrence == 1 ? s.name() : s.name() + "(" + occurrence + ")";
      for (int f = 1; f <= s.fieldCount(); f++) {
        String raw = s.raw(f);
        if (!raw.isEmpty()) {
          rows.add(List.of(label, s.name() + "-" + f, raw));
        }
      }
    }
    String type =
        m.triggerEvent().isEmpty() ? m.messageType() : m.messageType() + "^" + m.triggerEvent();
    return Optional.of(new Parsed("HL7 v" + m.version() + " " + type, COLUMNS, rows));
  }
}
