package com.practicestudio.scheduling;

import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.Page;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/appointments}. Reads audit a PHI read of each patient shown; {@code date} (with
 * {@code locationId}, or {@code timeZone}) gives the day view in that location's time zone.
 */
@RestController
@RequestMapping("/api/v1/appointments")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class AppointmentsApiController {

  private static final String VIA = "api:appointments";
  private static final String MERGE_PATCH = "application/merge-patch+json";

  private final AppointmentService appointments;
  private final AuditLog audit;
  private final JsonMapper json;

  AppointmentsApiController(AppointmentService appointments, AuditLog audit, JsonMapper json) {
    this.appointments = appointments;
    this.audit = audit;
    this.json = json;
  }

  record AppointmentJson(
      long id,
      String externalId,
      long patientId,
      Long providerId,
      Long locationId,
      String appointmentType,
      String status,
      String statusReason,
      Instant startTime,
      Instant endTime,
      long durationMinutes,
      String reason,
      String notes,
      Long cernerDomainId,
      String slotId,
      String timeZone,
      String localStartTime,
      String localEndTime,
      Instant createdAt,
      Instant updatedAt,
      int version) {

    static AppointmentJson of(Appointment a) {
      return new AppointmentJson(
          a.id(),
          a.externalId(),
          a.patientId(),
          a.providerId(),
          a.locationId(),
          a.appointmentType(),
          a.status().code(),
          a.statusReason(),
          a.startTime(),
          a.endTime(),
          a.durationMinutes(),
          a.reason(),
          a.notes(),
          a.cernerDomainId(),
          a.slotId(),
          a.timeZone().getId(),
          a.localStartTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
          a.localEndTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
          a.createdAt(),
          a.updatedAt(),
          a.version());
    }
  }

  /**
   * The reason is required; {@link AppointmentService#cancelByUser} checks it (the annotation, not
   * enforced here, puts it in the OpenAPI document).
   */
  record CancelRequest(@NotBlank String reason) {}

  @GetMapping
  Page<AppointmentJson> search(
      @RequestParam(required = false) Long patientId,
      @RequestParam(required = false) String externalId,
      @RequestParam(required = false) Long providerId,
      @RequestParam(required = false) Long locationId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) String timeZone,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    AppointmentQuery query =
        new AppointmentQuery(patientId, externalId, providerId, locationId, status, from, to);
    if (date != null) {
      if (from != null || to != null) {
        throw new InvalidRequestException("date", "cannot be combined with from or to");
      }
      query = query.onDay(date, dayZone(locationId, timeZone));
    }
    Page<Appointment> page = appointments.search(query, Page.limit(limit), cursor);
    page.items().stream()
        .map(Appointment::patientId)
        .distinct()
        .forEach(patient -> audit.phiRead("patient", patient, VIA));
    return new Page<>(page.items().stream().map(AppointmentJson::of).toList(), page.next());
  }

  @GetMapping("/{id}")
  AppointmentJson get(@PathVariable long id) {
    Appointment appointment = appointments.byId(id);
    audit.phiRead("patient", appointment.patientId(), VIA);
    return AppointmentJson.of(appointment);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<AppointmentJson> create(@RequestBody AppointmentDraft body) {
    Appointment created = appointments.create(body);
    return ResponseEntity.created(URI.create("/api/v1/appointments/" + created.id()))
        .body(AppointmentJson.of(created));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  AppointmentJson replace(@PathVariable long id, @RequestBody AppointmentDraft body) {
    return AppointmentJson.of(appointments.updateByUser(id, body));
  }

  /**
   * A JSON merge patch: fields present replace the current ones (null clears). Moving {@code
   * startTime} alone keeps the duration.
   */
  @PatchMapping(
      path = "/{id}",
      consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH})
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  AppointmentJson patch(@PathVariable long id, @RequestBody ObjectNode patch) {
    return AppointmentJson.of(appointments.updateByUser(id, merge(appointments.byId(id), patch)));
  }

  @PostMapping("/{id}/cancel")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  AppointmentJson cancel(@PathVariable long id, @RequestBody CancelRequest body) {
    return AppointmentJson.of(appointments.cancelByUser(id, body.reason()));
  }

  private AppointmentDraft merge(Appointment current, ObjectNode patch) {
    ObjectNode base = json.valueToTree(current.toDraft());
    base.remove("version");
    boolean end = patch.has("endTime");
    boolean duration = patch.has("durationMinutes");
    if (patch.has("startTime") && !end && !duration) {
      base.remove("endTime");
      base.put("durationMinutes", (int) current.durationMinutes());
    } else if (duration && !end) {
      base.remove("endTime");
    }
    base.setAll(patch);
    try {
      return json.treeToValue(base, AppointmentDraft.class);
    } catch (DatabindException e) {
      String field =
          e.getPath().isEmpty() || e.getPath().get(0).getPropertyName() == null
              ? "body"
              : e.getPath().get(0).getPropertyName();
      throw new InvalidRequestException(field, "has the wrong type or format");
    }
  }

  private ZoneId dayZone(Long locationId, String timeZone) {
    if (timeZone != null && !timeZone.isBlank()) {
      try {
        return ZoneId.of(timeZone.strip());
      } catch (DateTimeException e) {
        throw new InvalidRequestException("timeZone", "is not a time zone (e.g. America/Chicago)");
      }
    }
    if (locationId != null) {
      return appointments
          .zoneOfKnown(locationId)
          .orElseThrow(() -> new InvalidRequestException("locationId", "names no location"));
    }
    return appointments.defaultZone();
  }
}
