package com.practicestudio.patients;

import com.practicestudio.security.Permission;
import com.practicestudio.web.NavEntry;
import com.practicestudio.web.Page;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Patients in the console: search, and a detail page. Every patient shown is an audited read. */
@Controller
@RequestMapping("/patients")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class PatientsConsoleController {

  private final PatientService patients;

  PatientsConsoleController(PatientService patients) {
    this.patients = patients;
  }

  @Bean
  static NavEntry patientsNav() {
    return new NavEntry(NavEntry.RECORDS, "Patients", "/patients", 10, Permission.RECORDS_READ);
  }

  @GetMapping
  String search(
      @RequestParam(required = false) String lastName,
      @RequestParam(required = false) String firstName,
      @RequestParam(required = false) String dateOfBirth,
      @RequestParam(required = false) String mrn,
      @RequestParam(required = false) String cursor,
      Model model) {
    boolean searched =
        notBlank(lastName) || notBlank(firstName) || notBlank(dateOfBirth) || notBlank(mrn);
    if (searched) {
      PatientQuery query =
          new PatientQuery(
              blankToNull(mrn),
              null,
              blankToNull(lastName),
              blankToNull(firstName),
              blankToNull(dateOfBirth),
              null,
              false);
      Page<Patient> page = patients.search(query, Page.DEFAULT_LIMIT, cursor, "console");
      model.addAttribute("page", page);
    }
    return "patients/search";
  }

  @GetMapping("/{id}")
  String detail(@PathVariable long id, Model model) {
    Patient patient = patients.read(id, "console");
    model.addAttribute("patient", patient);
    model.addAttribute("merges", patients.merges(id));
    return "patients/detail";
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String blankToNull(String s) {
    return notBlank(s) ? s.strip() : null;
  }
}
