package com.practicestudio.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Appointment search filters; nulls match everything. {@code from} (inclusive) and {@code to}
 * (exclusive) bound {@code startTime}.
 */
public record AppointmentQuery(
    Long patientId,
    String externalId,
    Long providerId,
    Long locationId,
    String status,
    Instant from,
    Instant to) {

  public static AppointmentQuery all() {
    return new AppointmentQuery(null, null, null, null, null, null, null);
  }

  public AppointmentQuery between(Instant from, Instant to) {
    return new AppointmentQuery(patientId, externalId, providerId, locationId, status, from, to);
  }

  /** Limited to appointments starting on {@code date} in {@code zone}. */
  public AppointmentQuery onDay(LocalDate date, ZoneId zone) {
    return between(
        date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
  }
}
