package com.practicestudio.scheduling;

import com.practicestudio.patients.PatientService;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console: book, change and cancel appointments from the day view. Writes go through {@link
 * AppointmentService} as the API's do, so each one is audited and writes its outbound SIU in the
 * same transaction. Bad fields come back on the form, named; nothing is written then.
 */
@Controller
@RequestMapping("/appointments")
@PreAuthorize("hasAuthority('RECORDS_WRITE')")
class AppointmentChangesConsoleController {

  static final String VIA = "console:appointments";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final AppointmentService appointments;
  private final AppointmentConsoleChoices choices;
  private final PatientService patients;
  private final AuditLog audit;
  private final Clock clock;

  AppointmentChangesConsoleController(
      AppointmentService appointments,
      AppointmentConsoleChoices choices,
      PatientService patients,
      AuditLog audit,
      Clock clock) {
    this.appointments = appointments;
    this.choices = choices;
    this.patients = patients;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/new")
  String newAppointment(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) Long locationId,
      @RequestParam(required = false) Long patientId,
      Model model) {
    LocalDate day = date == null ? LocalDate.now(clock.withZone(zone(locationId))) : date;
    return form(model, null, AppointmentConsoleForm.blank(patientId, day, locationId));
  }

  @PostMapping
  String book(AppointmentConsoleForm form, Model model, RedirectAttributes redirect) {
    try {
      Appointment booked = appointments.create(form.draft(null, this::zone));
      return toDay(booked, "Booked", redirect);
    } catch (InvalidRequestException e) {
      problems(model, "Not booked", e.problems());
    }
    return form(model, null, form);
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    Appointment current = appointments.byId(id);
    return form(model, current, AppointmentConsoleForm.of(current));
  }

  @PostMapping("/{id}")
  String change(
      @PathVariable long id,
      AppointmentConsoleForm form,
      Model model,
      RedirectAttributes redirect) {
    Appointment current = appointments.byId(id);
    try {
      Appointment changed = appointments.updateByUser(id, form.draft(current, this::zone));
      return toDay(changed, "Saved", redirect);
    } catch (InvalidRequestException e) {
      problems(model, "Not saved", e.problems());
    } catch (ConflictException e) {
      model.addAttribute("error", "Not saved: " + e.getMessage() + ".");
    }
    return form(model, current, form);
  }

  /** The confirmation page: what would be cancelled, and a reason. */
  @GetMapping("/{id}/cancel")
  String confirmCancel(@PathVariable long id, Model model) {
    return cancelPage(model, appointments.byId(id), null);
  }

  @PostMapping("/{id}/cancel")
  String cancel(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      Model model,
      RedirectAttributes redirect) {
    try {
      return toDay(appointments.cancelByUser(id, reason), "Cancelled", redirect);
    } catch (InvalidRequestException e) {
      problems(model, "Not cancelled", e.problems());
    } catch (ConflictException e) {
      model.addAttribute("error", "Not cancelled: " + e.getMessage() + ".");
    }
    return cancelPage(model, appointments.byId(id), reason);
  }

  private String form(Model model, Appointment current, AppointmentConsoleForm form) {
    showPatientOf(current, model);
    model.addAttribute("appointment", current);
    model.addAttribute("form", form);
    model.addAttribute("providers", choices.providers(form.providerId()));
    model.addAttribute("locations", choices.locations(form.locationId()));
    model.addAttribute("statuses", choices.statuses());
    model.addAttribute("defaultZone", appointments.defaultZone());
    model.addAttribute("back", dayLink(current));
    if (!model.containsAttribute("problems")) {
      problems(model, null, List.of());
    }
    return "scheduling/form";
  }

  private String cancelPage(Model model, Appointment current, String reason) {
    showPatientOf(current, model);
    model.addAttribute("appointment", current);
    model.addAttribute("reason", reason);
    model.addAttribute("provider", choices.providerName(current.providerId()));
    model.addAttribute("location", choices.locationName(current.locationId()));
    model.addAttribute("back", dayLink(current));
    if (!model.containsAttribute("problems")) {
      problems(model, null, List.of());
    }
    return "scheduling/cancel";
  }

  /** The page names the patient: an audited read, as in the day view. */
  private void showPatientOf(Appointment current, Model model) {
    if (current == null) {
      return;
    }
    model.addAttribute("patient", patients.find(current.patientId()).orElse(null));
    audit.phiRead("patient", current.patientId(), VIA);
  }

  /** The problems as a list and by field (for the message next to each input). */
  private static void problems(Model model, String verb, List<FieldProblem> problems) {
    Map<String, String> byField = new LinkedHashMap<>();
    problems.forEach(p -> byField.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
    model.addAttribute("problems", problems);
    model.addAttribute("fieldProblems", byField);
    if (verb != null) {
      model.addAttribute("error", verb + "; check: " + String.join(", ", byField.keySet()) + ".");
    }
  }

  /** Back to the day of the appointment, with a notice that names no patient. */
  private static String toDay(Appointment a, String verb, RedirectAttributes redirect) {
    redirect.addFlashAttribute(
        "notice",
        verb
            + " appointment "
            + a.id()
            + " on "
            + a.localStartTime().toLocalDate()
            + " at "
            + a.localStartTime().format(TIME)
            + " ("
            + a.timeZone().getId()
            + ").");
    return "redirect:" + dayLink(a);
  }

  private static String dayLink(Appointment a) {
    if (a == null) {
      return "/appointments";
    }
    return "/appointments?date="
        + a.localStartTime().toLocalDate()
        + (a.locationId() == null ? "" : "&locationId=" + a.locationId());
  }

  private ZoneId zone(Long locationId) {
    return locationId == null
        ? appointments.defaultZone()
        : appointments.zoneOfKnown(locationId).orElse(appointments.defaultZone());
  }
}
