package com.practicestudio.cerner;

import com.practicestudio.web.FieldChecks;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a domain input in two steps: {@link #check} on its own (shape of every field), then {@link
 * #checkScopesAgainst} what the server advertised, once discovery ran.
 */
final class CernerDomainValidator {

  private static final Pattern TEST_PATIENT = Pattern.compile("^[A-Za-z0-9.\\-]{1,64}$");

  private CernerDomainValidator() {}

  static DomainValues check(CernerDomainInput in) {
    FieldChecks checks = new FieldChecks();
    String name = checks.requiredText("name", in.name(), 100);
    String fhirRoot = fhirRoot(checks, in.fhirRoot());
    String clientId = checks.text("clientId", in.clientId(), 200);
    ClientAuthMethod auth = clientAuth(checks, in.clientAuth());
    String secret = blankToNull(checks.text("clientSecret", in.clientSecret(), 500));
    List<String> scopes = scopes(in.scopes());
    SmartScopes.check(checks, "scopes", scopes, true, null);
    String smartClientId = checks.text("smartClientId", in.smartClientId(), 200);
    String smartSecret = blankToNull(checks.text("smartClientSecret", in.smartClientSecret(), 500));
    List<String> smartScopes = scopes(in.smartScopes());
    SmartScopes.check(checks, "smartScopes", smartScopes, false, null);
    checks.check(
        smartClientId != null || smartScopes.isEmpty(),
        "smartClientId",
        "is required when smartScopes are given");
    Millennium millennium = millennium(checks, in);
    ZoneId zone = zone(checks, in.timeZone());
    String testPatient = testPatient(checks, in.testPatientId());
    checks.throwIfAny();
    return new DomainValues(
        name,
        fhirRoot,
        in.enabled() == null || in.enabled(),
        clientId,
        auth,
        secret,
        scopes,
        smartClientId,
        smartSecret,
        smartScopes,
        millennium.baseUrl(),
        millennium.services(),
        millennium.version(),
        zone,
        testPatient);
  }

  private record Millennium(
      String baseUrl, Set<MillenniumService> services, MillenniumVersion version) {}

  private static Millennium millennium(FieldChecks checks, CernerDomainInput in) {
    MillenniumVersion version = version(checks, in.millenniumVersion());
    Set<MillenniumService> services = services(checks, in.millenniumServices());
    String baseUrl = url(checks, "millenniumBaseUrl", in.millenniumBaseUrl());
    checks.check(
        services.isEmpty() || baseUrl != null || checks.has("millenniumBaseUrl"),
        "millenniumBaseUrl",
        "is required when Millennium services are enabled");
    return new Millennium(baseUrl, services, version);
  }

  private static ClientAuthMethod clientAuth(FieldChecks checks, String text) {
    if (text == null || text.isBlank()) {
      return ClientAuthMethod.CLIENT_SECRET_BASIC;
    }
    Optional<ClientAuthMethod> auth = ClientAuthMethod.fromWire(text);
    checks.check(
        auth.isPresent(),
        "clientAuth",
        "must be one of " + String.join(", ", ClientAuthMethod.wires()));
    return auth.orElse(null);
  }

  private static String testPatient(FieldChecks checks, String text) {
    String testPatient = checks.text("testPatientId", text, 64);
    checks.check(
        testPatient == null || TEST_PATIENT.matcher(testPatient).matches(),
        "testPatientId",
        "must be a FHIR id (letters, digits, '-' and '.')");
    return testPatient;
  }

  /** The second step: scopes against the server's smart-configuration and CapabilityStatement. */
  static void checkScopesAgainst(DomainValues values, Discovery discovery) {
    FieldChecks checks = new FieldChecks();
    SmartScopes.check(checks, "scopes", values.scopes(), true, discovery);
    SmartScopes.check(checks, "smartScopes", values.smartScopes(), false, discovery);
    checks.throwIfAny();
  }

  /** The FHIR root without a trailing slash: absolute http(s), a host, the tenant in the path. */
  static String fhirRoot(FieldChecks checks, String text) {
    String root = checks.requiredText("fhirRoot", text, 500);
    if (root == null) {
      return null;
    }
    String trimmed = root.replaceAll("/+$", "");
    Optional<URI> uri = parse(trimmed);
    boolean ok =
        uri.isPresent()
            && uri.get().getPath() != null
            && uri.get().getPath().length() > 1
            && uri.get().getRawQuery() == null;
    checks.check(
        ok,
        "fhirRoot",
        "must be the FHIR service root with the tenant in its path, e.g."
            + " https://fhir-ehr.cerner.com/r4/<tenant id>");
    return ok ? trimmed : null;
  }

  private static String url(FieldChecks checks, String field, String text) {
    String value = checks.text(field, text, 500);
    if (value == null) {
      return null;
    }
    String trimmed = value.replaceAll("/+$", "");
    boolean ok = parse(trimmed).isPresent();
    checks.check(ok, field, "must be an absolute http or https URL without query");
    return ok ? trimmed : null;
  }

  private static Optional<URI> parse(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null) {
        return Optional.of(uri);
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static MillenniumVersion version(FieldChecks checks, String text) {
    if (checks.required("millenniumVersion", text) == null) {
      return null;
    }
    Optional<MillenniumVersion> version = MillenniumVersion.fromWire(text);
    checks.check(
        version.isPresent(),
        "millenniumVersion",
        "must be one of " + String.join(", ", MillenniumVersion.wires()));
    return version.orElse(null);
  }

  private static Set<MillenniumService> services(FieldChecks checks, List<String> texts) {
    Set<MillenniumService> services = EnumSet.noneOf(MillenniumService.class);
    for (String text : texts == null ? List.<String>of() : texts) {
      Optional<MillenniumService> service = MillenniumService.fromWire(text);
      if (service.isEmpty()) {
        checks.problem(
            "millenniumServices", "must be among " + String.join(", ", MillenniumService.wires()));
        break;
      }
      services.add(service.get());
    }
    return services;
  }

  private static ZoneId zone(FieldChecks checks, String text) {
    if (checks.required("timeZone", text) == null) {
      return null;
    }
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      checks.problem("timeZone", "must be an IANA time zone id, e.g. America/Chicago");
      return null;
    }
  }

  private static List<String> scopes(List<String> given) {
    List<String> scopes = new ArrayList<>();
    for (String entry : given == null ? List.<String>of() : given) {
      for (String scope : SmartScopes.split(entry)) {
        if (!scopes.contains(scope)) {
          scopes.add(scope);
        }
      }
    }
    return scopes;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
