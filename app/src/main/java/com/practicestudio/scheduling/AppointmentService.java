package com.practicestudio.scheduling;

import com.practicestudio.patients.RecordReferences;
import com.practicestudio.scheduling.AppointmentChanged.Kind;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.FieldChecks;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments: create, change, cancel, search, the day view. Every write runs in one transaction
 * with its audit entry and its {@link AppointmentChanged} event (see the package documentation).
 * Reads are not audited here: callers that show a patient's appointments audit the PHI read.
 */
@Service
public class AppointmentService {

  /** The longest appointment {@code durationMinutes} may describe: one week. */
  static final int MAX_DURATION_MINUTES = 7 * 24 * 60;

  private final AppointmentRepository appointments;
  private final SchedulingZones zones;
  private final RecordReferences references;
  private final SchedulingProperties settings;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  private final Clock clock;

  AppointmentService(
      AppointmentRepository appointments,
      SchedulingZones zones,
      RecordReferences references,
      SchedulingProperties settings,
      ApplicationEventPublisher events,
      AuditLog audit,
      Clock clock) {
    this.appointments = appointments;
    this.zones = zones;
    this.references = references;
    this.settings = settings;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Appointment create(AppointmentDraft draft) {
    AppointmentDraft checked = check(draft);
    long id = appointments.insert(checked, clock.instant());
    Appointment created = byId(id);
    audit.record(
        AuditAction.RECORD_CREATE, "appointment", id, Map.of("patientId", created.patientId()));
    events.publishEvent(new AppointmentChanged(Kind.CREATED, id, null, created));
    return created;
  }

  /**
   * Replaces every writable field. Setting status {@code cancelled} this way counts as a cancel.
   *
   * @throws ConflictException when {@code draft.version()} is not the current version, or the
   *     appointment is cancelled or entered in error
   */
  @Transactional
  public Appointment update(long id, AppointmentDraft draft) {
    Appointment before = lockedOrThrow(id);
    checkVersion(before, draft.version());
    if (before.status().isFinal()) {
      throw new ConflictException(
          "appointment " + id + " is " + before.status().code() + " and cannot change");
    }
    AppointmentDraft checked = check(draft);
    return save(before, checked);
  }

  /**
   * A change made in Practice Studio (API, console). One that cancels (status {@code cancelled})
   * needs its reason in {@code statusReason}, as {@link #cancelByUser} needs it; changes reported
   * by connected systems go through {@link #update}.
   *
   * @throws InvalidRequestException naming {@code statusReason} when a cancel comes without one
   */
  @Transactional
  public Appointment updateByUser(long id, AppointmentDraft draft) {
    if (AppointmentStatus.CANCELLED.code().equals(draft.status()) && !byId(id).status().isFinal()) {
      FieldChecks checks = new FieldChecks();
      String reason = draft.statusReason();
      checks.check(reason != null && !reason.isBlank(), "statusReason", "is required to cancel");
      checks.throwIfAny();
    }
    return update(id, draft);
  }

  /**
   * A cancel made in Practice Studio (API, console): the reason is required, as it goes out in the
   * SIU S15 (SCH-6) to the systems that hold the appointment too.
   *
   * @throws InvalidRequestException naming {@code reason} when it is missing or blank
   * @throws ConflictException when the appointment is cancelled, fulfilled or a no-show
   */
  @Transactional
  public Appointment cancelByUser(long id, String reason) {
    FieldChecks checks = new FieldChecks();
    checks.check(reason != null && !reason.isBlank(), "reason", "is required");
    checks.throwIfAny();
    return cancel(id, reason);
  }

  /**
   * A cancel reported by a connected system (an inbound SIU S15): the reason is optional by design,
   * because the peer's message may carry none and the cancel must still be recorded. Users cancel
   * through {@link #cancelByUser}. A cancelled, fulfilled or no-show appointment answers 409.
   */
  @Transactional
  public Appointment cancel(long id, String reason) {
    Appointment before = lockedOrThrow(id);
    if (!before.status().isCancellable()) {
      throw new ConflictException(
          "appointment " + id + " is " + before.status().code() + " and cannot be cancelled");
    }
    FieldChecks checks = new FieldChecks();
    String why = checks.text("reason", reason, 500);
    checks.throwIfAny();
    AppointmentDraft cancelled =
        before.toDraft().withStatus(AppointmentStatus.CANCELLED.code(), why);
    return save(before, cancelled);
  }

  public Appointment byId(long id) {
    return appointments.find(id).orElseThrow(() -> new NotFoundException("appointment", id));
  }

  public Optional<Appointment> find(long id) {
    return appointments.find(id);
  }

  public Optional<Appointment> findByExternalId(String externalId) {
    return appointments.findByExternalId(externalId);
  }

  /** Sorted by start time, then id. */
  public Page<Appointment> search(AppointmentQuery query, int limit, String cursor) {
    FieldChecks checks = new FieldChecks();
    checks.oneOf("status", query.status(), AppointmentStatus.CODES);
    if (query.from() != null && query.to() != null) {
      checks.check(query.to().isAfter(query.from()), "to", "must be after from");
    }
    checks.throwIfAny();
    return Cursor.page(
        appointments.search(query, cursor, limit + 1), limit, AppointmentRepository::sortKey);
  }

  /**
   * The console's day view: every appointment starting on {@code date} in {@code zone}, at one
   * location (or all when {@code locationId} is null), by start time.
   */
  public List<Appointment> day(LocalDate date, ZoneId zone, Long locationId) {
    AppointmentQuery query =
        new AppointmentQuery(null, null, null, locationId, null, null, null).onDay(date, zone);
    return appointments.search(query, null, null);
  }

  /** The day view in the location's own time zone. */
  public List<Appointment> day(LocalDate date, long locationId) {
    return day(date, zoneOf(locationId), locationId);
  }

  /** A location's time zone (404 for an unknown location). */
  public ZoneId zoneOf(long locationId) {
    return zoneOfKnown(locationId).orElseThrow(() -> new NotFoundException("location", locationId));
  }

  /** A location's time zone; empty for an unknown location. */
  public Optional<ZoneId> zoneOfKnown(long locationId) {
    return zones.zoneOf(locationId);
  }

  /** The zone shown for appointments without a location. */
  public ZoneId defaultZone() {
    return settings.defaultTimeZone();
  }

  /**
   * Moves every appointment of a merged patient to the survivor (called on a patient merge, in the
   * merge's transaction). Publishes no {@link AppointmentChanged}. Answers how many moved.
   */
  @Transactional
  public int movePatient(long fromPatientId, long toPatientId) {
    if (fromPatientId == toPatientId) {
      throw new InvalidRequestException("toPatientId", "must differ from fromPatientId");
    }
    int moved = appointments.movePatient(fromPatientId, toPatientId, clock.instant());
    if (moved > 0) {
      audit.record(
          AuditAction.RECORD_UPDATE,
          "patient",
          toPatientId,
          Map.of("movedFromPatientId", fromPatientId, "appointments", moved));
    }
    return moved;
  }

  private Appointment save(Appointment before, AppointmentDraft checked) {
    if (!appointments.update(before.id(), checked, before.version(), clock.instant())) {
      throw new ConflictException("appointment " + before.id() + " changed meanwhile");
    }
    Appointment after = byId(before.id());
    boolean cancelled =
        after.status() == AppointmentStatus.CANCELLED
            && before.status() != AppointmentStatus.CANCELLED;
    audit.record(
        AuditAction.RECORD_UPDATE,
        "appointment",
        after.id(),
        Map.of("patientId", after.patientId(), "status", after.status().code()));
    events.publishEvent(
        new AppointmentChanged(
            cancelled ? Kind.CANCELLED : Kind.UPDATED, after.id(), before, after));
    return after;
  }

  private Appointment lockedOrThrow(long id) {
    return appointments
        .findForUpdate(id)
        .orElseThrow(() -> new NotFoundException("appointment", id));
  }

  private static void checkVersion(Appointment current, Integer expected) {
    if (expected != null && expected != current.version()) {
      throw new ConflictException(
          "appointment "
              + current.id()
              + " is at version "
              + current.version()
              + ", not "
              + expected);
    }
  }

  /** Validates every field at once; answers the draft with trimmed texts, end time and status. */
  private AppointmentDraft check(AppointmentDraft d) {
    FieldChecks checks = new FieldChecks();
    checks.required("patientId", d.patientId());
    references.patient(checks, "patientId", d.patientId());
    references.provider(checks, "providerId", d.providerId());
    references.location(checks, "locationId", d.locationId());
    Instant end = endTime(checks, d);
    String status = checks.oneOf("status", d.status(), AppointmentStatus.CODES);
    if (status == null && !checks.has("status")) {
      status =
          d.cernerDomainId() == null
              ? AppointmentStatus.BOOKED.code()
              : AppointmentStatus.PENDING.code();
    }
    AppointmentDraft checked =
        new AppointmentDraft(
            checks.text("externalId", d.externalId(), 200),
            d.patientId(),
            d.providerId(),
            d.locationId(),
            checks.text("appointmentType", d.appointmentType(), 200),
            status,
            checks.text("statusReason", d.statusReason(), 500),
            d.startTime(),
            end,
            null,
            checks.text("reason", d.reason(), 2000),
            checks.text("notes", d.notes(), 10_000),
            d.cernerDomainId(),
            checks.text("slotId", d.slotId(), 200),
            null);
    checks.throwIfAny();
    return checked;
  }

  /** The end time given, or derived from {@code durationMinutes}; checks they agree. */
  private static Instant endTime(FieldChecks checks, AppointmentDraft d) {
    Instant start = checks.required("startTime", d.startTime());
    Integer minutes = d.durationMinutes();
    if (minutes != null && (minutes < 1 || minutes > MAX_DURATION_MINUTES)) {
      checks.problem("durationMinutes", "must be between 1 and " + MAX_DURATION_MINUTES);
      minutes = null;
    }
    Instant end = d.endTime();
    if (end == null && minutes == null && !checks.has("durationMinutes")) {
      checks.problem("endTime", "is required (or give durationMinutes)");
    }
    if (start == null) {
      return end;
    }
    if (end == null) {
      return minutes == null ? null : start.plus(Duration.ofMinutes(minutes));
    }
    if (!end.isAfter(start)) {
      checks.problem("endTime", "must be after startTime");
    } else if (minutes != null
        && !Duration.between(start, end).equals(Duration.ofMinutes(minutes))) {
      checks.problem("durationMinutes", "does not match startTime and endTime");
    }
    return end;
  }
}
