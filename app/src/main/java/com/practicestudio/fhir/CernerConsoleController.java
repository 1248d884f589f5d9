package com.practicestudio.fhir;

import com.practicestudio.patients.UpsertResult;
import com.practicestudio.security.Permission;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NavEntry;
import java.util.List;
import org.springframework.context.annotation.Bean;
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
 * Console: search a Cerner domain for a patient, preview what importing or linking would change
 * (field by field), import it, and pull a linked patient's results and documents.
 */
@Controller
@RequestMapping("/cerner/patients")
@PreAuthorize("hasAuthority('PHI_READ')")
class CernerConsoleController {

  private final CernerGateway gateway;
  private final CernerPatients patients;
  private final CernerPull pull;

  CernerConsoleController(CernerGateway gateway, CernerPatients patients, CernerPull pull) {
    this.gateway = gateway;
    this.patients = patients;
    this.pull = pull;
  }

  @Bean
  static NavEntry cernerPatientsNav() {
    return new NavEntry(
        NavEntry.RECORDS, "Cerner patients", "/cerner/patients", 15, Permission.PHI_READ);
  }

  @GetMapping
  String search(
      @RequestParam(required = false) Long domainId,
      @RequestParam(required = false) String family,
      @RequestParam(required = false) String given,
      @RequestParam(required = false) String birthdate,
      @RequestParam(required = false) String identifier,
      Model model) {
    List<FhirEndpoint> domains = gateway.all();
    model.addAttribute("domains", domains);
    Long selected =
        domainId != null ? domainId : domains.isEmpty() ? null : domains.get(0).domainId();
    model.addAttribute("domainId", selected);
    boolean asked = family != null || given != null || birthdate != null || identifier != null;
    if (selected != null && asked) {
      try {
        model.addAttribute(
            "results",
            patients.search(selected, new PatientSearch(family, given, birthdate, identifier)));
      } catch (InvalidRequestException e) {
        model.addAttribute(
            "error", "Give at least a family name, given name, birth date or identifier.");
      } catch (CernerFhirException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    return "cerner/search";
  }

  @GetMapping("/{domainId}/{cernerId}")
  String preview(@PathVariable long domainId, @PathVariable String cernerId, Model model) {
    model.addAttribute("domainId", domainId);
    model.addAttribute("cernerId", cernerId);
    try {
      UpsertResult preview = patients.preview(domainId, cernerId);
      model.addAttribute("preview", preview);
    } catch (CernerFhirException | FhirMappingException e) {
      model.addAttribute("error", e.getMessage());
    } catch (com.practicestudio.web.ConflictException e) {
      model.addAttribute("error", "Cannot import: " + e.getMessage());
    }
    return "cerner/preview";
  }

  @PostMapping("/{domainId}/{cernerId}/import")
  @PreAuthorize("hasAuthority('RECORDS_WRITE') and hasAuthority('PHI_READ')")
  String importPatient(
      @PathVariable long domainId, @PathVariable String cernerId, RedirectAttributes redirect) {
    try {
      UpsertResult result = patients.importPatient(domainId, cernerId);
      redirect.addFlashAttribute(
          "message",
          (result.created() ? "Imported" : "Linked")
              + " ("
              + result.changes().size()
              + " fields changed).");
      return "redirect:/cerner/patients/linked/" + result.patient().id();
    } catch (CernerFhirException
        | FhirMappingException
        | com.practicestudio.web.ConflictException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:/cerner/patients/" + domainId + "/" + cernerId;
    }
  }

  @GetMapping("/linked/{patientId}")
  String linked(@PathVariable long patientId, Model model) {
    model.addAttribute("patientId", patientId);
    return "cerner/linked";
  }

  @PostMapping("/linked/{patientId}/pull")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  String pull(@PathVariable long patientId, RedirectAttributes redirect) {
    try {
      SyncReport report = pull.pull(patientId);
      redirect.addFlashAttribute(
          "message",
          report.recorded()
              + " results and documents received, "
              + report.unchanged()
              + " unchanged. They are applied in the background (see Operations › Logs).");
    } catch (CernerFhirException | InvalidRequestException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/cerner/patients/linked/" + patientId;
  }
}
