package com.practicestudio.sandbox.data;

import java.time.Instant;
import java.util.List;

/**
 * A provider's schedule (resource list) at one location, with the appointment types (code set
 * 14249) that can be booked into its slots.
 */
public record ScheduleRecord(
    String scheduleId,
    long providerId,
    long locationId,
    List<Coded> serviceTypes,
    Instant horizonStart,
    Instant horizonEnd) {

  public ScheduleRecord {
    serviceTypes = List.copyOf(serviceTypes);
  }
}
