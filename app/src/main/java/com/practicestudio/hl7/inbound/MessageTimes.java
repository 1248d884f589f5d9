package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.hl7v2.Hl7Timestamp;
import com.practicestudio.hl7v2.Hl7Timestamps;
import com.practicestudio.hl7v2.Segment;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Turns a message's times into instants (UTC). A time sent with an offset is read with it; one sent
 * without is local time at the place it happened: the location's time zone when the record has a
 * location, else the sending facility's configured zone (MSH-4), else the offset the sender gave in
 * MSH-7, else Practice Studio's default zone.
 */
final class MessageTimes {

  private final LongFunction<Optional<ZoneId>> locationZones;
  private final ZoneId facilityZone;
  private final ZoneId fallback;

  MessageTimes(
      Hl7Message message,
      Map<String, ZoneId> facilityZones,
      ZoneId defaultZone,
      LongFunction<Optional<ZoneId>> locationZones) {
    this.locationZones = locationZones;
    this.facilityZone = facilityZones.get(message.get("MSH-4.1").strip());
    this.fallback = facilityZone != null ? facilityZone : senderOffset(message, defaultZone);
  }

  /** The zone of a time sent without offset for a record at {@code locationId} (may be null). */
  ZoneId zone(Long locationId) {
    if (locationId != null) {
      Optional<ZoneId> zone = locationZones.apply(locationId);
      if (zone.isPresent()) {
        return zone.get();
      }
    }
    return fallback;
  }

  /** The sending facility's configured zone (for locations created from this message), or null. */
  ZoneId facilityZone() {
    return facilityZone;
  }

  /** The instant at a field (component {@code component} of its first repetition), or null. */
  Instant instant(Segment s, int field, int component, Long locationId, String name) {
    Hl7Timestamp t = Fields.timestamp(s, field, 1, component, name);
    if (t == null) {
      return null;
    }
    // the location's zone is looked up only for a time sent without an offset
    return t.toOffsetDateTime().orElseGet(() -> t.toOffsetDateTime(zone(locationId))).toInstant();
  }

  private static ZoneId senderOffset(Hl7Message message, ZoneId defaultZone) {
    String sent = message.get("MSH-7.1").strip();
    if (!sent.isEmpty()) {
      try {
        Optional<ZoneOffset> offset = Hl7Timestamps.parse(sent).offset();
        if (offset.isPresent()) {
          return offset.get();
        }
      } catch (Hl7ParseException e) {
        // a malformed MSH-7 gives no offset; the default zone applies
      }
    }
    return defaultZone;
  }
}
