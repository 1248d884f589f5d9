package com.practicestudio.journal;

/**
 * The answer to recording an inbound message: its row, committed.
 *
 * @param duplicate true when the sender's message id was recorded before: the caller acknowledges
 *     again and does not apply it twice ({@code id} and {@code status} are the earlier row's)
 */
public record Recorded(long id, boolean duplicate, ExchangeStatus status) {}
