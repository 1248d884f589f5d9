package com.practicestudio.sandbox.data;

import java.time.Instant;

/** A bookable period of a schedule for one appointment type. */
public record SlotRecord(
    String slotId,
    String scheduleId,
    Coded serviceType,
    Instant start,
    Instant end,
    SlotStatus status,
    int version,
    Instant lastUpdated) {

  public SlotRecord withStatus(SlotStatus newStatus, Instant at) {
    return new SlotRecord(slotId, scheduleId, serviceType, start, end, newStatus, version + 1, at);
  }
}
