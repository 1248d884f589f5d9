package com.practicestudio.hl7.inbound;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Change;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.Direction;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An {@link Inbound} for unit tests: a message from text, in-memory code maps, fixed zones. */
final class TestInbound {

  /** One code map row: kind, code system (null: any system), code, Practice Studio value. */
  record Mapping(CodeMapKind kind, String system, String code, String value) {}

  /** Code maps like the seeded ones, for the codes the unit tests send. */
  static final List<Mapping> SEED =
      List.of(
          new Mapping(CodeMapKind.GENDER, "HL70001", "F", "F"),
          new Mapping(CodeMapKind.GENDER, "HL70001", "M", "M"),
          new Mapping(CodeMapKind.GENDER, "57", "Female", "F"),
          new Mapping(CodeMapKind.RACE, "HL70005", "2106-3", "2106-3"),
          new Mapping(CodeMapKind.RACE, "HL70005", "W", "2106-3"),
          new Mapping(CodeMapKind.RACE, "282", "Caucasian", "2106-3"),
          new Mapping(CodeMapKind.ETHNICITY, "HL70189", "N", "2186-5"),
          new Mapping(CodeMapKind.LANGUAGE, "36", "151", "en"),
          new Mapping(CodeMapKind.LANGUAGE, "36", "English", "en"),
          new Mapping(CodeMapKind.LANGUAGE, "HL70296", "SPA", "es"),
          new Mapping(CodeMapKind.MARITAL_STATUS, "38", "309239", "S"),
          new Mapping(CodeMapKind.MARITAL_STATUS, "HL70002", "M", "M"),
          new Mapping(CodeMapKind.APPOINTMENT_TYPE, "14249", "Office Visit", "office-visit"),
          new Mapping(CodeMapKind.APPOINTMENT_TYPE, "14249", "5038369", "follow-up"),
          new Mapping(CodeMapKind.APPOINTMENT_STATUS, "HL70278", "Booked", "booked"),
          new Mapping(CodeMapKind.APPOINTMENT_STATUS, "14233", "Scheduled", "booked"),
          new Mapping(CodeMapKind.APPOINTMENT_STATUS, "HL70278", "Cancelled", "cancelled"));

  private TestInbound() {}

  /** Segments given one per line (LF), sent as CR-terminated HL7. */
  static Hl7Message message(String lines) {
    return Hl7Message.parse(lines.strip().replace("\n", "\r") + "\r");
  }

  static Inbound of(String lines, String type) {
    return of(message(lines), type, ZoneId.of("America/Chicago"), null);
  }

  /**
   * @param locationZone the zone every location has (null: locations have none)
   */
  static Inbound of(Hl7Message message, String type, ZoneId defaultZone, ZoneId locationZone) {
    return of(message, type, defaultZone, locationZone, TestInbound::translate);
  }

  /** As {@link #of(String, String)}, with these code maps. */
  static Inbound of(String lines, String type, CodeTranslator codes) {
    return of(message(lines), type, ZoneId.of("America/Chicago"), null, codes);
  }

  private static Inbound of(
      Hl7Message message,
      String type,
      ZoneId defaultZone,
      ZoneId locationZone,
      CodeTranslator codes) {
    return new Inbound(
        message,
        exchange(type),
        new RecordingContext(),
        codes,
        new MessageTimes(
            message, java.util.Map.of(), defaultZone, id -> Optional.ofNullable(locationZone)));
  }

  static CodeTranslator codes() {
    return TestInbound::translate;
  }

  private static Optional<String> translate(CodeMapKind kind, String system, String code) {
    String plain = code.toLowerCase(Locale.ROOT).replaceFirst("^cd:", "");
    return SEED.stream()
        .filter(m -> m.kind() == kind)
        .filter(m -> system == null || system.equalsIgnoreCase(m.system()))
        .filter(m -> m.code().toLowerCase(Locale.ROOT).equals(plain))
        .map(Mapping::value)
        .findFirst();
  }

  static Exchange exchange(String type) {
    Instant now = Instant.parse("2026-11-19T14:30:00Z");
    return new Exchange(
        1,
        Channel.HL7,
        Direction.INBOUND,
        type,
        "TEST",
        "1",
        null,
        ExchangeStatus.PROCESSING,
        1,
        null,
        "node",
        now,
        null,
        null,
        null,
        null,
        0,
        "application/hl7-v2",
        now,
        null,
        now);
  }

  /** Collects the changes a mapping reports. */
  static final class RecordingContext implements ApplyContext {
    final List<Change> changes = new ArrayList<>();

    @Override
    public boolean dryRun() {
      return false;
    }

    @Override
    public int attempt() {
      return 1;
    }

    @Override
    public Instant now() {
      return Instant.parse("2026-11-19T14:30:00Z");
    }

    @Override
    public void report(Change change) {
      changes.add(change);
    }
  }
}
