package com.practicestudio.ops.logs;

import com.practicestudio.journal.Channel;
import com.practicestudio.journal.Direction;
import com.practicestudio.journal.ExchangeQuery;
import com.practicestudio.journal.ExchangeStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The journal filters of the console's Logs and Error Management pages; times are UTC.
 *
 * @param type a message type or a prefix ending in {@code *} ({@code ADT^*})
 */
public record JournalFilterForm(
    Channel channel,
    Direction direction,
    String type,
    ExchangeStatus status,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
    String key) {

  public ExchangeQuery query() {
    return new ExchangeQuery(
        channel,
        direction,
        blankToNull(type),
        status,
        utc(from),
        utc(to),
        blankToNull(key),
        null,
        null);
  }

  public JournalFilterForm withStatus(ExchangeStatus newStatus) {
    return new JournalFilterForm(channel, direction, type, newStatus, from, to, key);
  }

  private static Instant utc(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
