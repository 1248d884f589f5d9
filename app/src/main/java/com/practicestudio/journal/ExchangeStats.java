package com.practicestudio.journal;

import java.time.Instant;
import java.util.List;

/**
 * Dashboard counts: rows received in [{@code from}, {@code to}) by channel, direction and status,
 * plus the error queue (FAILED) and the backlog (RECEIVED or PENDING) over all time.
 */
public record ExchangeStats(
    Instant from, Instant to, List<Count> counts, long errorQueue, long backlog) {

  public record Count(Channel channel, Direction direction, ExchangeStatus status, long count) {}
}
