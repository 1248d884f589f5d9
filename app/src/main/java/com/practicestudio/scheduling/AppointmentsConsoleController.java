package com.practicestudio.scheduling;

import com.practicestudio.directory.Location;
import com.practicestudio.directory.LocationQuery;
import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.NavEntry;
import com.practicestudio.web.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A day of appointments at one location (or all), in that location's time zone. Users who may write
 * records get the links to book, change and cancel ({@link AppointmentChangesConsoleController}).
 */
@Controller
@RequestMapping("/appointments")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class AppointmentsConsoleController {

  private final AppointmentService appointments;
  private final LocationService locations;
  private final ProviderService providers;
  private final PatientService patients;
  private final AuditLog audit;
  private final Clock clock;

  AppointmentsConsoleController(
      AppointmentService appointments,
      LocationService locations,
      ProviderService providers,
      PatientService patients,
      AuditLog audit,
      Clock clock) {
    this.appointments = appointments;
    this.locations = locations;
    this.providers = providers;
    this.patients = patients;
    this.audit = audit;
    this.clock = clock;
  }

  @Bean
  static NavEntry appointmentsNav() {
    return new NavEntry(
        NavEntry.RECORDS, "Appointments", "/appointments", 20, Permission.RECORDS_READ);
  }

  /** One line of the day view: the appointment with the names it refers to. */
  record Row(Appointment appointment, Patient patient, String provider) {}

  @GetMapping
  String day(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) Long locationId,
      Model model) {
    ZoneId zone = locationId == null ? appointments.defaultZone() : appointments.zoneOf(locationId);
    LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : date;
    List<Appointment> list = appointments.day(day, zone, locationId);
    Map<Long, Patient> shown = new LinkedHashMap<>();
    List<Row> rows =
        list.stream()
            .map(
                a ->
                    new Row(
                        a,
                        shown.computeIfAbsent(a.patientId(), id -> patients.find(id).orElse(null)),
                        a.providerId() == null
                            ? ""
                            : providers.find(a.providerId()).map(p -> p.lastName()).orElse("")))
            .toList();
    if (!shown.isEmpty()) {
      audit.phiReads("patient", shown.keySet(), "console:appointments");
    }
    List<Location> allLocations =
        locations.search(new LocationQuery(null, null, null, true), Page.MAX_LIMIT, null).items();
    model.addAttribute("rows", rows);
    model.addAttribute("day", day);
    model.addAttribute("zone", zone);
    model.addAttribute("locations", allLocations);
    model.addAttribute("locationId", locationId);
    model.addAttribute("previous", day.minusDays(1));
    model.addAttribute("nextDay", day.plusDays(1));
    model.addAttribute("canEdit", Actor.can(Permission.RECORDS_WRITE));
    return "scheduling/day";
  }
}
