package com.practicestudio.cerner;

import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NavEntry;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings › Integrations › Cerner: the domains, a form per domain, discovery and key generation.
 * Secrets are write-only: the form shows whether one is set, never its value.
 */
@Controller
@RequestMapping("/settings/cerner")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class CernerDomainsConsoleController {

  private final CernerDomains domains;
  private final SmartRegistration registration;

  CernerDomainsConsoleController(CernerDomains domains, SmartRegistration registration) {
    this.domains = domains;
    this.registration = registration;
  }

  @Bean
  static NavEntry cernerDomainsNav() {
    return new NavEntry(NavEntry.INTEGRATIONS, "Cerner", "/settings/cerner", 10, null);
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("domains", domains.list());
    model.addAttribute("canEdit", Actor.can(Permission.SETTINGS_WRITE));
    return "cerner/domains";
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  String newDomain(Model model) {
    return form(model, null, DomainForm.empty());
  }

  @GetMapping("/{id}")
  String edit(@PathVariable long id, Model model) {
    CernerDomain domain = domains.get(id);
    return form(model, domain, DomainForm.of(domain));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  String create(DomainForm form, Model model, RedirectAttributes redirect) {
    return save(form, null, model, redirect, () -> domains.create(form.input()), "Created");
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  String update(@PathVariable long id, DomainForm form, Model model, RedirectAttributes redirect) {
    return save(
        form, domains.get(id), model, redirect, () -> domains.update(id, form.input()), "Saved");
  }

  @PostMapping("/{id}/discover")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  String discover(@PathVariable long id, RedirectAttributes redirect) {
    CernerDomain domain = domains.discover(id);
    if (domain.discovery().ok()) {
      redirect.addFlashAttribute("notice", "Discovered the endpoints of " + domain.name() + ".");
    } else {
      redirect.addFlashAttribute("error", "Discovery failed: " + domain.discovery().error());
    }
    return "redirect:/settings/cerner/" + id;
  }

  @PostMapping("/{id}/key")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  String generateKey(@PathVariable long id, RedirectAttributes redirect) {
    CernerDomain domain = domains.generateKey(id);
    redirect.addFlashAttribute(
        "notice",
        "Generated key "
            + domain.keyId()
            + ". Register its public JWK Set (below) with Cerner before using private_key_jwt.");
    return "redirect:/settings/cerner/" + id;
  }

  private String save(
      DomainForm form,
      CernerDomain existing,
      Model model,
      RedirectAttributes redirect,
      Supplier<CernerDomain> action,
      String verb) {
    try {
      CernerDomain saved = action.get();
      String note =
          saved.discovery().ok() ? "" : " Discovery failed: " + saved.discovery().error() + ".";
      redirect.addFlashAttribute("notice", verb + " " + saved.name() + "." + note);
      return "redirect:/settings/cerner/" + saved.id();
    } catch (InvalidRequestException e) {
      model.addAttribute("problems", e.problems());
      model.addAttribute(
          "error",
          "Not saved; check: "
              + String.join(", ", e.problems().stream().map(FieldProblem::field).toList()));
    } catch (ConflictException e) {
      model.addAttribute("error", e.getMessage());
    }
    return form(model, existing, form.withoutSecrets());
  }

  private String form(Model model, CernerDomain domain, DomainForm form) {
    model.addAttribute("domain", domain);
    model.addAttribute("form", form);
    model.addAttribute("versions", MillenniumVersion.values());
    model.addAttribute("services", MillenniumService.values());
    model.addAttribute("authMethods", ClientAuthMethod.values());
    model.addAttribute("features", CernerFeature.values());
    model.addAttribute("canEdit", Actor.can(Permission.SETTINGS_WRITE));
    model.addAttribute("redirectUri", registration.redirectUri());
    model.addAttribute("launchUrl", registration.launchUrl());
    if (!model.containsAttribute("problems")) {
      model.addAttribute("problems", List.<FieldProblem>of());
    }
    return "cerner/domain";
  }

  /** The domain form as posted; scopes space-separated. */
  record DomainForm(
      String name,
      String fhirRoot,
      Boolean enabled,
      String clientId,
      String clientAuth,
      String clientSecret,
      String scopes,
      String smartClientId,
      String smartClientSecret,
      String smartScopes,
      String millenniumBaseUrl,
      List<String> millenniumServices,
      String millenniumVersion,
      String timeZone,
      String testPatientId) {

    static DomainForm empty() {
      return new DomainForm(
          "",
          "",
          true,
          "",
          ClientAuthMethod.CLIENT_SECRET_BASIC.wire(),
          null,
          "",
          "",
          null,
          "launch openid fhirUser offline_access patient/Patient.read",
          "",
          List.of(),
          MillenniumVersion.V2020_PLUS.wire(),
          "America/Chicago",
          "");
    }

    static DomainForm of(CernerDomain d) {
      return new DomainForm(
          d.name(),
          d.fhirRoot(),
          d.enabled(),
          d.clientId(),
          d.clientAuth().wire(),
          null,
          String.join(" ", d.scopes()),
          d.smartClientId(),
          null,
          String.join(" ", d.smartScopes()),
          d.millenniumBaseUrl(),
          d.millenniumServices().stream().map(MillenniumService::wire).toList(),
          d.millenniumVersion().wire(),
          d.timeZone().getId(),
          d.testPatientId());
    }

    DomainForm withoutSecrets() {
      return new DomainForm(
          name,
          fhirRoot,
          enabled,
          clientId,
          clientAuth,
          null,
          scopes,
          smartClientId,
          null,
          smartScopes,
          millenniumBaseUrl,
          millenniumServices,
          millenniumVersion,
          timeZone,
          testPatientId);
    }

    CernerDomainInput input() {
      return new CernerDomainInput(
          name,
          fhirRoot,
          Boolean.TRUE.equals(enabled),
          clientId,
          clientAuth,
          clientSecret,
          SmartScopes.split(scopes),
          smartClientId,
          smartClientSecret,
          SmartScopes.split(smartScopes),
          millenniumBaseUrl,
          millenniumServices == null ? List.of() : millenniumServices,
          millenniumVersion,
          timeZone,
          testPatientId);
    }

    public boolean hasService(String wire) {
      return millenniumServices != null && millenniumServices.contains(wire);
    }
  }
}
