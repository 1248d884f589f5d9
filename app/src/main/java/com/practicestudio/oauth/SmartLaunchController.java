package com.practicestudio.oauth;

import com.practicestudio.cerner.CernerDomain;
import com.practicestudio.cerner.CernerDomains;
import com.practicestudio.cerner.SmartRegistration;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The SMART app's two addresses. {@code /smart/launch?iss=…&launch=…} (EHR launch: {@code iss} must
 * be a configured domain's FHIR root) or {@code /smart/launch?domain=<id>} (standalone) sends the
 * browser to Cerner; {@code /smart/callback} takes Cerner's answer and opens the launch patient in
 * the console, or offers to import one that is not linked yet.
 */
@Controller
class SmartLaunchController {

  private static final Logger log = LoggerFactory.getLogger(SmartLaunchController.class);

  private final CernerDomains domains;
  private final SmartLaunches launches;
  private final PatientService patients;

  SmartLaunchController(CernerDomains domains, SmartLaunches launches, PatientService patients) {
    this.domains = domains;
    this.launches = launches;
    this.patients = patients;
  }

  @GetMapping(SmartRegistration.LAUNCH_PATH)
  @PreAuthorize("hasAuthority('RECORDS_READ')")
  String launch(
      @RequestParam(required = false) String iss,
      @RequestParam(required = false) String launch,
      @RequestParam(required = false) String domain,
      HttpSession session,
      HttpServletResponse response,
      Model model) {
    try {
      CernerDomain target = target(iss, launch, domain);
      return "redirect:" + launches.begin(target, blankToNull(launch), session, user());
    } catch (OAuthException e) {
      return error(e, response, model);
    }
  }

  @GetMapping(SmartRegistration.CALLBACK_PATH)
  String callback(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String error,
      @RequestParam(name = "error_description", required = false) String errorDescription,
      @RequestParam(required = false) String bounce,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    response.setHeader("Cache-Control", "no-store");
    if (!signedIn()) {
      if (bounce == null) {
        // the session cookie (SameSite=Strict) stays behind on a cross-site redirect; a
        // same-site navigation brings it
        model.addAttribute(
            "target",
            ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("bounce", "1")
                .build()
                .toUriString());
        return "smart/bounce";
      }
      return error(
          new OAuthException(
              OAuthError.INVALID_STATE, "you are not signed in to Practice Studio here"),
          response,
          model);
    }
    try {
      LaunchOutcome outcome =
          launches.complete(state, code, error, errorDescription, request.getSession(), user());
      return open(outcome, model);
    } catch (OAuthException e) {
      return error(e, response, model);
    }
  }

  private CernerDomain target(String iss, String launch, String domain) {
    if (notBlank(iss) || notBlank(launch)) {
      if (!notBlank(iss) || !notBlank(launch)) {
        throw new OAuthException(
            OAuthError.INVALID_REQUEST, "an EHR launch needs both iss and launch");
      }
      return domains
          .findByFhirRoot(iss)
          .orElseThrow(() -> new OAuthException(OAuthError.UNKNOWN_ISSUER, "iss " + clip(iss)));
    }
    if (!notBlank(domain)) {
      throw new OAuthException(
          OAuthError.INVALID_REQUEST, "give iss and launch (EHR launch) or domain (standalone)");
    }
    try {
      return domains
          .find(Long.parseLong(domain.strip()))
          .orElseThrow(
              () -> new OAuthException(OAuthError.NOT_CONFIGURED, "no Cerner domain " + domain));
    } catch (NumberFormatException e) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "domain must be a domain id");
    }
  }

  private String open(LaunchOutcome outcome, Model model) {
    LaunchContext context = outcome.context();
    model.addAttribute("outcome", outcome);
    if (context.patientId() == null) {
      return "smart/context";
    }
    Optional<Patient> local = patients.findByExternalId(context.patientId());
    if (local.isPresent()) {
      return "redirect:/patients/" + local.get().id();
    }
    model.addAttribute(
        "importPath", "/cerner/domains/" + outcome.domainId() + "/patients/" + context.patientId());
    return "smart/unlinked";
  }

  private String error(OAuthException e, HttpServletResponse response, Model model) {
    log.info("SMART launch refused: {}", e.getMessage());
    response.setStatus(400);
    model.addAttribute("failure", e);
    return "smart/error";
  }

  private static boolean signedIn() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.isAuthenticated()
        && !(auth instanceof AnonymousAuthenticationToken);
  }

  private static String user() {
    return SecurityContextHolder.getContext().getAuthentication().getName();
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String blankToNull(String s) {
    return notBlank(s) ? s.strip() : null;
  }

  private static String clip(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "…";
  }
}
