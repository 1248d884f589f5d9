package com.practicestudio.journal;

import java.time.Instant;

/**
 * One journal row's metadata (never its payload, see {@link Payload}). Error texts hold no PHI.
 *
 * @param correlationKey rows with the same key (and direction) are applied in arrival order; null
 *     means no ordering constraint
 * @param attempts how many times a worker has claimed the row
 * @param nextAttemptAt when a waiting row becomes due; null once finished
 * @param claimedBy the node working on a PROCESSING row
 * @param leaseUntil when a PROCESSING row's claim runs out (crash recovery)
 * @param endpoint the interface or endpoint name the row came in on or goes out to
 * @param parentId the file row a file record belongs to
 * @param completedAt when the row reached its current finished status
 */
public record Exchange(
    long id,
    Channel channel,
    Direction direction,
    String messageType,
    String sender,
    String messageId,
    String correlationKey,
    ExchangeStatus status,
    int attempts,
    Instant nextAttemptAt,
    String claimedBy,
    Instant leaseUntil,
    String errorCode,
    String errorText,
    String endpoint,
    Long parentId,
    int payloadSize,
    String contentType,
    Instant receivedAt,
    Instant completedAt,
    Instant updatedAt) {}
