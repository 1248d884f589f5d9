package com.practicestudio.journal;

import java.time.Instant;

/**
 * One step in a row's history.
 *
 * @param kind {@code APPLIED}, {@code DELIVERED}, {@code IGNORED}, {@code RETRY}, {@code FAILED},
 *     {@code LEASE_EXPIRED}, {@code REQUEUED} or {@code DISCARDED}
 * @param node the node whose worker made the attempt
 * @param actor the user who requeued or discarded the row ({@code system} for workers)
 * @param millis how long the attempt took
 * @param note an operator's reason (discard)
 */
public record ExchangeEvent(
    long id,
    long exchangeId,
    Instant at,
    String kind,
    int attempt,
    String node,
    String actor,
    String errorCode,
    String errorText,
    Integer millis,
    String note) {}
