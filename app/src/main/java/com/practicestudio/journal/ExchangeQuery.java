package com.practicestudio.journal;

import java.time.Instant;

/**
 * Filters over the journal; nulls match everything.
 *
 * @param type a message type, or a prefix ending in {@code *} ({@code ADT^*})
 * @param from received at or after
 * @param to received before
 * @param messageId the sender's control id, exactly
 */
public record ExchangeQuery(
    Channel channel,
    Direction direction,
    String type,
    ExchangeStatus status,
    Instant from,
    Instant to,
    String correlationKey,
    String sender,
    String messageId) {

  public static ExchangeQuery all() {
    return new ExchangeQuery(null, null, null, null, null, null, null, null, null);
  }

  public ExchangeQuery withStatus(ExchangeStatus s) {
    return new ExchangeQuery(
        channel, direction, type, s, from, to, correlationKey, sender, messageId);
  }
}
