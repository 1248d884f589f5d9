package com.practicestudio.fhir;

import com.practicestudio.codemaps.CodeMap;
import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.codemaps.CodeMapQuery;
import com.practicestudio.codemaps.CodeMaps;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.scheduling.Appointment;
import com.practicestudio.scheduling.AppointmentDraft;
import com.practicestudio.scheduling.AppointmentService;
import com.practicestudio.scheduling.AppointmentStatus;
import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.UpstreamException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Console: book a free Cerner slot for a linked patient. The booking is an appointment with the
 * domain and slot set; the outbound journal row books it in Cerner, and the appointment stays
 * {@code pending} until Cerner confirms ({@code booked}) or refuses ({@code booking-failed}).
 */
@Controller
@RequestMapping("/cerner/patients/linked/{patientId}")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class CernerBookingConsoleController {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (z)");
  static final int DEFAULT_DAYS = 7;

  private final CernerGateway gateway;
  private final CernerSlots slots;
  private final AppointmentService appointments;
  private final PatientService patients;
  private final CodeMaps codeMaps;
  private final Clock clock;

  CernerBookingConsoleController(
      CernerGateway gateway,
      CernerSlots slots,
      AppointmentService appointments,
      PatientService patients,
      CodeMaps codeMaps,
      Clock clock) {
    this.gateway = gateway;
    this.slots = slots;
    this.appointments = appointments;
    this.patients = patients;
    this.codeMaps = codeMaps;
    this.clock = clock;
  }

  /** The booking page; with a service type, it lists the free slots too. */
  @GetMapping("/book")
  String book(@PathVariable long patientId, SlotSearch search, Model model) {
    Patient patient = patient(patientId);
    List<FhirEndpoint> domains = gateway.all();
    model.addAttribute("patientId", patientId);
    model.addAttribute("linked", patient.externalId() != null);
    model.addAttribute("domains", domains);
    model.addAttribute("types", appointmentTypes());
    model.addAttribute("canBook", Actor.can(Permission.RECORDS_WRITE));
    SlotSearch filled = search.withDefaults(domains, clock);
    model.addAttribute("search", filled);
    if (filled.serviceType() != null && !filled.serviceType().isBlank()) {
      listSlots(filled, model);
    }
    return "cerner/book";
  }

  /** The free slots, for htmx to put under the search form. */
  @GetMapping("/book/slots")
  String slots(@PathVariable long patientId, SlotSearch search, Model model) {
    patient(patientId);
    model.addAttribute("patientId", patientId);
    model.addAttribute("canBook", Actor.can(Permission.RECORDS_WRITE));
    SlotSearch filled = search.withDefaults(gateway.all(), clock);
    model.addAttribute("search", filled);
    listSlots(filled, model);
    return "cerner/book :: slots";
  }

  @PostMapping("/book")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  String create(@PathVariable long patientId, Booking booking, Model model) {
    patient(patientId);
    try {
      Appointment created = appointments.create(booking.draft(patientId));
      return "redirect:/cerner/patients/linked/" + patientId + "/appointments/" + created.id();
    } catch (InvalidRequestException e) {
      model.addAttribute("problems", e.problems());
      model.addAttribute("error", "Not booked; check: " + fields(e.problems()));
    }
    SlotSearch again =
        new SlotSearch(booking.domainId(), booking.serviceType(), booking.from(), booking.to());
    return book(patientId, again, model);
  }

  /** The booked appointment and its status. */
  @GetMapping("/appointments/{id}")
  String appointment(@PathVariable long patientId, @PathVariable long id, Model model) {
    model.addAttribute("patientId", patientId);
    model.addAttribute("view", view(patientId, id));
    return "cerner/booking";
  }

  /** The status alone, which the page polls while Cerner has not answered. */
  @GetMapping("/appointments/{id}/status")
  String appointmentStatus(@PathVariable long patientId, @PathVariable long id, Model model) {
    model.addAttribute("patientId", patientId);
    model.addAttribute("view", view(patientId, id));
    return "cerner/booking :: status";
  }

  private void listSlots(SlotSearch search, Model model) {
    FhirEndpoint domain =
        gateway.all().stream()
            .filter(d -> Objects.equals(d.domainId(), search.domainId()))
            .findFirst()
            .orElse(null);
    if (domain == null) {
      model.addAttribute("problems", List.of(new FieldProblem("domainId", "choose a domain")));
      return;
    }
    ZoneId zone = domain.timeZone();
    Instant start = search.from() == null ? null : search.from().atStartOfDay(zone).toInstant();
    Instant end =
        search.to() == null ? null : search.to().plusDays(1).atStartOfDay(zone).toInstant();
    try {
      List<SlotRow> rows =
          slots.free(domain.domainId(), start, end, search.serviceType()).stream()
              .map(s -> SlotRow.of(s, zone))
              .toList();
      model.addAttribute("slots", rows);
    } catch (InvalidRequestException e) {
      model.addAttribute("problems", e.problems());
    } catch (CernerFhirException | FhirMappingException e) {
      model.addAttribute("error", "Cerner could not list the slots: " + e.getMessage());
    } catch (UpstreamException e) {
      model.addAttribute("error", e.code() + " " + e.getMessage() + " " + e.hint());
    }
  }

  private AppointmentView view(long patientId, long id) {
    Appointment a = appointments.byId(id);
    if (a.patientId() != patientId || a.cernerDomainId() == null) {
      throw new NotFoundException("appointment", id);
    }
    ZoneId zone =
        gateway.endpoint(a.cernerDomainId()).map(FhirEndpoint::timeZone).orElse(a.timeZone());
    return new AppointmentView(
        a.id(),
        a.status().code(),
        a.status() == AppointmentStatus.PENDING,
        a.statusReason(),
        a.startTime().atZone(zone).format(TIME),
        a.slotId(),
        a.externalId(),
        "patient/" + patientId);
  }

  private Patient patient(long patientId) {
    return patients.find(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
  }

  /** Appointment types mapped from Cerner code set 14249, as {@code code → value}. */
  private List<CodeMap> appointmentTypes() {
    return codeMaps
        .list(new CodeMapQuery(CodeMapKind.APPOINTMENT_TYPE, null, null, null, null), 200, null)
        .items()
        .stream()
        .filter(
            m ->
                FhirSystems.cernerCodeSet(m.codeSystem())
                    .filter(set -> set == FhirSystems.APPOINTMENT_TYPE_CODE_SET)
                    .isPresent())
        .toList();
  }

  static String fields(List<FieldProblem> problems) {
    return String.join(", ", problems.stream().map(FieldProblem::field).toList());
  }

  /** The slot search form; dates are days in the domain's time zone, both included. */
  record SlotSearch(
      Long domainId,
      String serviceType,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    SlotSearch withDefaults(List<FhirEndpoint> domains, Clock clock) {
      FhirEndpoint domain =
          domains.stream()
              .filter(d -> Objects.equals(d.domainId(), domainId))
              .findFirst()
              .orElse(domains.isEmpty() ? null : domains.get(0));
      ZoneId zone = domain == null ? clock.getZone() : domain.timeZone();
      LocalDate today = LocalDate.now(clock.withZone(zone));
      LocalDate first = from == null ? today : from;
      return new SlotSearch(
          domain == null ? domainId : Long.valueOf(domain.domainId()),
          serviceType == null ? null : serviceType.trim(),
          first,
          to == null ? first.plusDays(DEFAULT_DAYS) : to);
    }
  }

  /** A "Book" button's form: the slot and the search it came from. */
  record Booking(
      Long domainId,
      String slotId,
      Instant start,
      Instant end,
      String appointmentType,
      String reason,
      String serviceType,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    AppointmentDraft draft(long patientId) {
      return new AppointmentDraft(
          null,
          patientId,
          null,
          null,
          appointmentType == null || appointmentType.isBlank() ? null : appointmentType,
          null,
          null,
          start,
          end,
          null,
          reason == null || reason.isBlank() ? null : reason.trim(),
          null,
          domainId,
          slotId == null || slotId.isBlank() ? null : slotId,
          null);
    }
  }

  /** A free slot as the page shows it, times in the domain's zone. */
  record SlotRow(
      String id,
      String startText,
      String endText,
      Instant start,
      Instant end,
      String serviceType,
      String type,
      String appointmentType) {

    static SlotRow of(CernerSlot s, ZoneId zone) {
      return new SlotRow(
          s.id(),
          s.start().atZone(zone).format(TIME),
          s.end().atZone(zone).format(DateTimeFormatter.ofPattern("HH:mm")),
          s.start(),
          s.end(),
          s.serviceType(),
          s.serviceTypeDisplay() != null ? s.serviceTypeDisplay() : s.serviceType(),
          s.appointmentType());
    }
  }

  /** The booked appointment as the page shows it. */
  record AppointmentView(
      long id,
      String status,
      boolean pending,
      String statusReason,
      String startText,
      String slotId,
      String cernerId,
      String logsKey) {}
}
