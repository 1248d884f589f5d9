package com.practicestudio.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * An appointment as stored. Instants are UTC; {@code timeZone} is the location's (or the default
 * zone when there is no location) and gives the local times.
 *
 * @param externalId Cerner SCH_EVENT_ID / FHIR Appointment id, once known
 * @param cernerDomainId the Cerner domain it is booked in, when booked through Cerner
 * @param slotId the Cerner slot it is booked on
 */
public record Appointment(
    long id,
    String externalId,
    long patientId,
    Long providerId,
    Long locationId,
    String appointmentType,
    AppointmentStatus status,
    String statusReason,
    Instant startTime,
    Instant endTime,
    String reason,
    String notes,
    Long cernerDomainId,
    String slotId,
    ZoneId timeZone,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  public long durationMinutes() {
    return Duration.between(startTime, endTime).toMinutes();
  }

  public OffsetDateTime localStartTime() {
    return startTime.atZone(timeZone).toOffsetDateTime();
  }

  public OffsetDateTime localEndTime() {
    return endTime.atZone(timeZone).toOffsetDateTime();
  }

  /** The fields a client may write, as they are now (for partial changes). */
  public AppointmentDraft toDraft() {
    return new AppointmentDraft(
        externalId,
        patientId,
        providerId,
        locationId,
        appointmentType,
        status.code(),
        statusReason,
        startTime,
        endTime,
        null,
        reason,
        notes,
        cernerDomainId,
        slotId,
        version);
  }
}
