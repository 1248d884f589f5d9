package com.practicestudio.scheduling;

import com.practicestudio.web.FieldChecks;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The console's appointment form as posted. Every field is text, so that a mistyped number or time
 * comes back as a problem naming its field on the form instead of a binding error. Field names are
 * the API's, so the service's problems name the form's fields too. Times are local ({@code
 * datetime-local}) in the time zone of the chosen location (the default zone without one).
 *
 * @param patientId only read when booking: a booking keeps its patient
 * @param version the version the form was read at (edits only); a stale one is refused
 */
record AppointmentConsoleForm(
    String patientId,
    String providerId,
    String locationId,
    String appointmentType,
    String status,
    String statusReason,
    String startTime,
    String durationMinutes,
    String reason,
    String notes,
    String version) {

  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  static final LocalTime FIRST_SLOT = LocalTime.of(9, 0);
  static final int DEFAULT_MINUTES = 30;

  /** A new booking on {@code day}, at {@code locationId} when one is chosen. */
  static AppointmentConsoleForm blank(Long patientId, LocalDate day, Long locationId) {
    return new AppointmentConsoleForm(
        text(patientId),
        "",
        text(locationId),
        "",
        AppointmentStatus.BOOKED.code(),
        "",
        day.atTime(FIRST_SLOT).format(LOCAL),
        Integer.toString(DEFAULT_MINUTES),
        "",
        "",
        "");
  }

  /** The appointment as it is now, local times in its own time zone. */
  static AppointmentConsoleForm of(Appointment a) {
    return new AppointmentConsoleForm(
        Long.toString(a.patientId()),
        text(a.providerId()),
        text(a.locationId()),
        a.appointmentType(),
        a.status().code(),
        a.statusReason(),
        a.localStartTime().toLocalDateTime().format(LOCAL),
        Long.toString(a.durationMinutes()),
        a.reason(),
        a.notes(),
        Integer.toString(a.version()));
  }

  /**
   * The draft to write: a new booking when {@code current} is null, else {@code current} with the
   * form's fields (its patient, Cerner ids and external id stay). Text fields go to the service as
   * posted; it trims and checks them with every other caller's.
   *
   * @param zoneOf the time zone of a location id (null: no location)
   * @throws com.practicestudio.web.InvalidRequestException naming each field that does not parse
   */
  AppointmentDraft draft(Appointment current, Function<Long, ZoneId> zoneOf) {
    FieldChecks checks = new FieldChecks();
    Long patient =
        current == null
            ? number(checks, "patientId", patientId)
            : Long.valueOf(current.patientId()); // boxed: a blank id stays null
    Long provider = number(checks, "providerId", providerId);
    Long location = number(checks, "locationId", locationId);
    Long minutes = number(checks, "durationMinutes", durationMinutes);
    Long expected = current == null ? null : number(checks, "version", version);
    LocalDateTime start = localTime(checks, "startTime", startTime);
    checks.throwIfAny();
    AppointmentDraft base = current == null ? null : current.toDraft();
    return new AppointmentDraft(
        base == null ? null : base.externalId(),
        patient,
        provider,
        location,
        appointmentType,
        status,
        statusReason,
        start == null ? null : start.atZone(zoneOf.apply(location)).toInstant(),
        null,
        minutes == null ? null : clamped(minutes),
        reason,
        notes,
        base == null ? null : base.cernerDomainId(),
        base == null ? null : base.slotId(),
        expected == null ? null : clamped(expected));
  }

  private static Long number(FieldChecks checks, String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      checks.problem(field, "must be a whole number");
      return null;
    }
  }

  /** Out of range stays out of range, for the service to refuse with its own message. */
  private static int clamped(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  private static LocalDateTime localTime(FieldChecks checks, String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      checks.problem(field, "must be a date and time such as 2026-11-18T08:30");
      return null;
    }
  }

  private static String text(Long id) {
    return id == null ? "" : id.toString();
  }
}
