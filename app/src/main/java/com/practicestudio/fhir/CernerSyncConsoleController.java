package com.practicestudio.fhir;

import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.FieldChecks;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.UpstreamException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

/**
 * Settings › Integrations › Cerner › a domain › Sync appointments now: the delta sync over the
 * known locations for days the operator chooses, audited as a settings action. Only an enabled
 * domain that offers FHIR reads can be synced.
 */
@Controller
@RequestMapping("/settings/cerner/{domainId}/sync")
@PreAuthorize("hasAuthority('SETTINGS_WRITE')")
class CernerSyncConsoleController {

  static final int DEFAULT_DAYS = 14;
  static final int MAX_DAYS = 62;

  private final CernerGateway gateway;
  private final CernerDeltaSync sync;
  private final AuditLog audit;
  private final Clock clock;

  CernerSyncConsoleController(
      CernerGateway gateway, CernerDeltaSync sync, AuditLog audit, Clock clock) {
    this.gateway = gateway;
    this.sync = sync;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  String form(@PathVariable long domainId, Model model) {
    FhirEndpoint domain = gateway.endpoint(domainId).orElse(null);
    ZoneId zone = domain == null ? clock.getZone() : domain.timeZone();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    SyncForm form = new SyncForm(today, today.plusDays(DEFAULT_DAYS));
    return page(domainId, domain, form, sync.knownLocations(), model);
  }

  @PostMapping
  String syncNow(@PathVariable long domainId, SyncForm form, Model model) {
    FhirEndpoint domain = gateway.endpoint(domainId).orElse(null);
    List<String> locations = sync.knownLocations();
    if (domain == null) {
      return page(domainId, null, form, locations, model);
    }
    try {
      form.check();
      if (locations.isEmpty()) {
        model.addAttribute(
            "error", "Nothing to sync: no location known to Practice Studio has a Cerner id.");
        return page(domainId, domain, form, locations, model);
      }
      ZoneId zone = domain.timeZone();
      Instant from = form.from().atStartOfDay(zone).toInstant();
      Instant to = form.to().plusDays(1).atStartOfDay(zone).toInstant();
      SyncReport report = sync.sync(domainId, locations, from, to);
      audit.record(
          AuditAction.SETTINGS_CHANGE, "cerner_domain", domainId, detail(form, locations, report));
      model.addAttribute("report", report);
    } catch (InvalidRequestException e) {
      model.addAttribute("problems", e.problems());
    } catch (CernerFhirException | FhirMappingException e) {
      model.addAttribute("error", "Cerner could not be synced: " + e.getMessage());
    } catch (UpstreamException e) {
      model.addAttribute("error", e.code() + " " + e.getMessage() + " " + e.hint());
    }
    return page(domainId, domain, form, locations, model);
  }

  private static Map<String, Object> detail(
      SyncForm form, List<String> locations, SyncReport report) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("change", "sync-now");
    detail.put("from", form.from().toString());
    detail.put("to", form.to().toString());
    detail.put("locations", locations.size());
    detail.put("recorded", report.recorded());
    detail.put("unchanged", report.unchanged());
    return detail;
  }

  private String page(
      long domainId, FhirEndpoint domain, SyncForm form, List<String> locations, Model model) {
    model.addAttribute("domainId", domainId);
    model.addAttribute("domain", domain);
    model.addAttribute("form", form);
    model.addAttribute("locations", locations.size());
    if (!model.containsAttribute("problems")) {
      model.addAttribute("problems", List.<FieldProblem>of());
    }
    return "cerner/sync";
  }

  /** Days in the domain's time zone, both included. */
  record SyncForm(
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    void check() {
      FieldChecks checks = new FieldChecks();
      checks.required("from", from);
      checks.required("to", to);
      if (from != null && to != null) {
        checks.check(!to.isBefore(from), "to", "must not be before from");
        checks.check(
            !to.isAfter(from.plusDays(MAX_DAYS)),
            "to",
            "must be at most " + MAX_DAYS + " days after from");
      }
      checks.throwIfAny();
    }
  }
}
