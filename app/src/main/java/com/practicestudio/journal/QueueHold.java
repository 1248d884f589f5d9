package com.practicestudio.journal;

/**
 * Where an outbound row stands in its key's line: a failed one holds the rows behind it until it is
 * reprocessed or discarded (see the package's ordering guarantee).
 *
 * @param holding how many rows of its key wait behind this failed row
 * @param heldBy the failed row this waiting row is held behind; null when none
 */
public record QueueHold(long holding, Long heldBy) {

  public static final QueueHold NONE = new QueueHold(0, null);
}
