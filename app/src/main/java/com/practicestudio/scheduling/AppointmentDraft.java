package com.practicestudio.scheduling;

import java.time.Instant;

/**
 * What a caller writes to create or replace an appointment; also the JSON body of {@code POST} and
 * {@code PUT /api/v1/appointments}. Give {@code endTime} or {@code durationMinutes} (or both, when
 * they agree). {@code status} defaults to {@code booked} ({@code pending} when booked through a
 * Cerner domain). {@code version}, when given on a change, must be the current one (else 409).
 */
public record AppointmentDraft(
    String externalId,
    Long patientId,
    Long providerId,
    Long locationId,
    String appointmentType,
    String status,
    String statusReason,
    Instant startTime,
    Instant endTime,
    Integer durationMinutes,
    String reason,
    String notes,
    Long cernerDomainId,
    String slotId,
    Integer version) {

  /** The same appointment with another status (and reason); no version check. */
  public AppointmentDraft withStatus(String newStatus, String newStatusReason) {
    return new AppointmentDraft(
        externalId,
        patientId,
        providerId,
        locationId,
        appointmentType,
        newStatus,
        newStatusReason,
        startTime,
        endTime,
        durationMinutes,
        reason,
        notes,
        cernerDomainId,
        slotId,
        null);
  }
}
