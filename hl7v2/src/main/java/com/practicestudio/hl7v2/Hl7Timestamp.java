package com.practicestudio.hl7v2;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * An HL7 date/time (DTM/TS) as sent: the local date-time, the precision the sender gave and the
 * offset if one was sent. Parts below the precision are zero in {@link #local()}.
 *
 * @param local the date and time as written, without offset
 * @param precision the last part present
 * @param offset the {@code +/-ZZZZ} offset, when sent
 */
public record Hl7Timestamp(LocalDateTime local, Precision precision, Optional<ZoneOffset> offset) {

  /** The smallest unit the sender wrote. */
  public enum Precision {
    YEAR,
    MONTH,
    DAY,
    HOUR,
    MINUTE,
    SECOND,
    /** Seconds with 1 to 4 decimal places. */
    FRACTION
  }

  public LocalDate toLocalDate() {
    return local.toLocalDate();
  }

  /** The instant, when the sender gave an offset. */
  public Optional<OffsetDateTime> toOffsetDateTime() {
    return offset.map(local::atOffset);
  }

  /**
   * The instant, taking {@code assumedZone} for a value sent without an offset (HL7 says such a
   * value is in the sender's local time zone, which the receiver must know).
   */
  public OffsetDateTime toOffsetDateTime(ZoneId assumedZone) {
    return offset
        .map(local::atOffset)
        .orElseGet(() -> local.atZone(assumedZone).toOffsetDateTime());
  }
}
