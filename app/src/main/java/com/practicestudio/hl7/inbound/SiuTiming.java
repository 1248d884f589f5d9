package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Segment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * When an SIU appointment starts and ends: TQ1-7/TQ1-8 (v2.5 and later), else SCH-11 start^end
 * (TQ-4/TQ-5), else the first resource's start (AIS-4, AIL-6, AIP-6); the end, when not sent, is
 * the start plus a duration: SCH-9 with SCH-10 units, else the resource's duration (AIS-7/8,
 * AIL-9/10, AIP-9/10), else SCH-11's TQ-3. Times without an offset are in the appointment
 * location's zone.
 */
final class SiuTiming {

  /** Start and end instants. */
  record Span(Instant start, Instant end) {}

  private SiuTiming() {}

  static Span read(Inbound in, Long locationId) {
    Hl7Message m = in.message();
    MessageTimes times = in.times();
    Segment sch = in.required("SCH");
    Optional<Segment> tq1 = m.segment("TQ1");
    Instant start = tq1.map(t -> times.instant(t, 7, 1, locationId, "TQ1-7")).orElse(null);
    Instant end = tq1.map(t -> times.instant(t, 8, 1, locationId, "TQ1-8")).orElse(null);
    if (start == null) {
      start = times.instant(sch, 11, 4, locationId, "SCH-11.4");
      end = times.instant(sch, 11, 5, locationId, "SCH-11.5");
    }
    if (start == null) {
      start = resourceStart(m, times, locationId);
    }
    if (start == null) {
      throw Hl7HandlerError.MISSING_FIELD.failure("TQ1-7, SCH-11.4 and AIS-4 give no start time");
    }
    if (end == null) {
      Duration duration = duration(m, sch);
      if (duration == null) {
        throw Hl7HandlerError.MISSING_FIELD.failure(
            "TQ1-8, SCH-11.5 and SCH-9 give no end time or duration");
      }
      end = start.plus(duration);
    }
    return new Span(start, end);
  }

  private static Instant resourceStart(Hl7Message m, MessageTimes times, Long locationId) {
    String[][] sources = {{"AIS", "4"}, {"AIL", "6"}, {"AIP", "6"}, {"AIG", "8"}};
    for (String[] source : sources) {
      Optional<Segment> s = m.segment(source[0]);
      if (s.isPresent()) {
        int field = Integer.parseInt(source[1]);
        Instant start = times.instant(s.get(), field, 1, locationId, source[0] + "-" + field);
        if (start != null) {
          return start;
        }
      }
    }
    return null;
  }

  private static Duration duration(Hl7Message m, Segment sch) {
    Duration d = duration(Fields.text(sch, 9), Fields.text(sch, 10, 1), "SCH-9");
    if (d != null) {
      return d;
    }
    String[][] sources = {{"AIS", "7"}, {"AIL", "9"}, {"AIP", "9"}, {"AIG", "11"}};
    for (String[] source : sources) {
      Optional<Segment> s = m.segment(source[0]);
      if (s.isPresent()) {
        int field = Integer.parseInt(source[1]);
        d =
            duration(
                Fields.text(s.get(), field),
                Fields.text(s.get(), field + 1, 1),
                source[0] + "-" + field);
        if (d != null) {
          return d;
        }
      }
    }
    return tqDuration(Fields.text(sch, 11, 3));
  }

  /** A quantity in units (HL7 ISO+ or plain words); minutes when no unit is sent. */
  static Duration duration(String quantity, String unit, String name) {
    BigDecimal amount = Fields.number(quantity, name);
    if (amount == null || amount.signum() <= 0) {
      return null;
    }
    long seconds = amount.multiply(BigDecimal.valueOf(unitSeconds(unit))).longValue();
    return seconds > 0 ? Duration.ofSeconds(seconds) : null;
  }

  private static long unitSeconds(String unit) {
    String u = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
    if (u.startsWith("s")) {
      return 1;
    }
    if (u.startsWith("h")) {
      return 3600;
    }
    if (u.startsWith("d")) {
      return 86_400;
    }
    if (u.startsWith("w")) {
      return 604_800;
    }
    return 60;
  }

  /** TQ-3 duration: {@code M60}, {@code H1}, {@code S30}, or a bare number of minutes. */
  private static Duration tqDuration(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    char first = Character.toUpperCase(t.charAt(0));
    if (Character.isLetter(first) && t.length() > 1) {
      return duration(t.substring(1), String.valueOf(first), "SCH-11.3");
    }
    return duration(t, null, "SCH-11.3");
  }
}
