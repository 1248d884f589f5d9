package com.practicestudio.fhir;

import com.practicestudio.clinical.Observation;
import com.practicestudio.clinical.ObservationDraft;
import com.practicestudio.clinical.ObservationService;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.scheduling.AppointmentService;
import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.web.FieldChecks;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Console: send a vital sign of a linked patient to Cerner. It is recorded as an observation with
 * {@code sendToCerner}; its outbound journal row delivers it, and the page shows how that went.
 */
@Controller
@RequestMapping("/cerner/patients/linked/{patientId}")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class CernerVitalsConsoleController {

  private final ObservationService observations;
  private final PatientService patients;
  private final CernerGateway gateway;
  private final AppointmentService appointments;
  private final Clock clock;

  CernerVitalsConsoleController(
      ObservationService observations,
      PatientService patients,
      CernerGateway gateway,
      AppointmentService appointments,
      Clock clock) {
    this.observations = observations;
    this.patients = patients;
    this.gateway = gateway;
    this.appointments = appointments;
    this.clock = clock;
  }

  @GetMapping("/vitals")
  String form(@PathVariable long patientId, Model model) {
    LocalDateTime now = LocalDateTime.now(clock.withZone(zone())).truncatedTo(ChronoUnit.MINUTES);
    return page(
        patientId, new VitalForm(VitalSign.BODY_WEIGHT.code(), null, now.toString()), model);
  }

  @PostMapping("/vitals")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  String send(@PathVariable long patientId, VitalForm form, Model model) {
    Patient patient = patient(patientId);
    try {
      if (patient.externalId() == null || gateway.primary().isEmpty()) {
        throw new InvalidRequestException(
            "patientId", "the patient is not linked to a Cerner patient of an enabled domain");
      }
      Observation created = observations.create(form.draft(patientId, zone()));
      return "redirect:/cerner/patients/linked/" + patientId + "/observations/" + created.id();
    } catch (InvalidRequestException e) {
      model.addAttribute("problems", e.problems());
      model.addAttribute(
          "error", "Not sent; check: " + CernerBookingConsoleController.fields(e.problems()));
    }
    return page(patientId, form, model);
  }

  /** The vital sign sent and how far its delivery to Cerner got. */
  @GetMapping("/observations/{id}")
  String sent(@PathVariable long patientId, @PathVariable long id, Model model) {
    model.addAttribute("patientId", patientId);
    model.addAttribute("observation", observation(patientId, id));
    return "cerner/vital-sent";
  }

  @GetMapping("/observations/{id}/status")
  String sentStatus(@PathVariable long patientId, @PathVariable long id, Model model) {
    model.addAttribute("patientId", patientId);
    model.addAttribute("observation", observation(patientId, id));
    return "cerner/vital-sent :: status";
  }

  private String page(long patientId, VitalForm form, Model model) {
    Patient patient = patient(patientId);
    model.addAttribute("patientId", patientId);
    model.addAttribute("linked", patient.externalId() != null);
    model.addAttribute("domain", gateway.primary().orElse(null));
    model.addAttribute("zone", zone());
    model.addAttribute("vitals", VitalSign.values());
    model.addAttribute("form", form);
    model.addAttribute("canSend", Actor.can(Permission.RECORDS_WRITE));
    if (!model.containsAttribute("problems")) {
      model.addAttribute("problems", List.of());
    }
    return "cerner/vital";
  }

  private Observation observation(long patientId, long id) {
    Observation o = observations.byId(id);
    if (o.patientId() != patientId) {
      throw new NotFoundException("observation", id);
    }
    return o;
  }

  private Patient patient(long patientId) {
    return patients.find(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
  }

  /** Vital signs go to the primary domain; times are entered in its zone. */
  private ZoneId zone() {
    return gateway.primary().map(FhirEndpoint::timeZone).orElseGet(appointments::defaultZone);
  }

  /** The form: one of the offered LOINC codes, the value in its unit, the time it was taken. */
  record VitalForm(String code, String value, String time) {

    ObservationDraft draft(long patientId, ZoneId zone) {
      FieldChecks checks = new FieldChecks();
      VitalSign vital = VitalSign.byCode(code).orElse(null);
      checks.check(vital != null, "code", "must be one of the vital signs offered");
      checks.requiredText("value", value, 100);
      LocalDateTime taken = null;
      if (checks.required("time", time) != null) {
        try {
          taken = LocalDateTime.parse(time.trim());
        } catch (DateTimeParseException e) {
          checks.problem("time", "must be a date and time such as 2026-11-18T08:00");
        }
      }
      checks.throwIfAny();
      return new ObservationDraft(
          null,
          patientId,
          null,
          "vital-signs",
          vital.code(),
          null,
          vital.label(),
          value.trim(),
          vital.unit(),
          null,
          null,
          "final",
          taken.atZone(zone).toInstant(),
          null,
          null,
          null,
          null,
          null,
          true,
          null);
    }
  }
}
