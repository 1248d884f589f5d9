package com.practicestudio.ops.connectivity;

import com.practicestudio.cerner.CernerDomain;
import com.practicestudio.cerner.CernerDomains;
import com.practicestudio.cerner.CernerHttp;
import com.practicestudio.oauth.AccessToken;
import com.practicestudio.oauth.AccessTokens;
import com.practicestudio.oauth.OAuthError;
import com.practicestudio.oauth.OAuthException;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connectivity test of a Cerner domain: DNS → TCP → TLS → discovery → token →
 * CapabilityStatement → sample read. Each step reports its result, time and, on failure, a hint
 * from the troubleshooting table ({@link Failure}); once a step fails the later ones are skipped.
 * Every run is audited.
 */
@Service
public class ConnectivityTest implements DisposableBean {

  private static final Duration CERTIFICATE_WARNING = Duration.ofDays(30);

  private final CernerDomains domains;
  private final AccessTokens tokens;
  private final AuditLog audit;
  private final Clock clock;
  private final NetworkProbe network;
  private final FhirProbe fhir;
  private final ExecutorService lookups;

  ConnectivityTest(
      CernerDomains domains,
      AccessTokens tokens,
      CernerHttp http,
      JsonMapper json,
      AuditLog audit,
      Clock clock) {
    this.domains = domains;
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
    this.lookups =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "connectivity-dns");
              thread.setDaemon(true);
              return thread;
            });
    this.network =
        new NetworkProbe(lookups, http.settings().connectTimeout(), http.settings().readTimeout());
    this.fhir = new FhirProbe(http, json);
  }

  /** Runs every step against the domain (or until one fails) and audits the run. */
  public ConnectivityReport run(long domainId) {
    CernerDomain domain = domains.get(domainId);
    Instant started = clock.instant();
    Run run = new Run(domain);
    List<ConnectivityStep> steps = new ArrayList<>();
    boolean failed = false;
    for (Step step : run.steps()) {
      if (failed) {
        steps.add(ConnectivityStep.skipped(step.name()));
        continue;
      }
      ConnectivityStep result = timed(step);
      steps.add(result);
      failed = !result.ok();
    }
    ConnectivityReport report =
        new ConnectivityReport(domain.id(), domain.name(), !failed, started, steps);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("ok", report.ok());
    steps.stream()
        .filter(s -> !s.ok() && !s.skipped())
        .findFirst()
        .ifPresent(s -> detail.put("failedStep", s.name()));
    audit.record(AuditAction.CONNECTIVITY_TEST, "cerner_domain", domain.id(), detail);
    return report;
  }

  @Override
  public void destroy() {
    lookups.shutdownNow();
  }

  private static ConnectivityStep timed(Step step) {
    long start = System.nanoTime();
    try {
      Outcome outcome = step.body().run();
      return new ConnectivityStep(
          step.name(), true, millisSince(start), outcome.detail(), outcome.hint(), false);
    } catch (StepFailed e) {
      return new ConnectivityStep(
          step.name(), false, millisSince(start), e.getMessage(), e.failure().hint(), false);
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** A passed step's detail, and a warning hint if any. */
  private record Outcome(String detail, String hint) {}

  @FunctionalInterface
  private interface Body {
    Outcome run() throws StepFailed;
  }

  private record Step(String name, Body body) {}

  /** One run's state: what earlier steps learned, later ones use. */
  private final class Run {
    private final CernerDomain domain;
    private final List<URI> endpoints = new ArrayList<>();
    private final Map<String, InetAddress> addresses = new LinkedHashMap<>();
    private AccessToken token;

    Run(CernerDomain domain) {
      this.domain = domain;
      endpoints.add(URI.create(domain.fhirRoot()));
      String tokenUrl = domain.discovery().tokenUrl();
      if (tokenUrl != null && !URI.create(tokenUrl).getHost().equals(endpoints.get(0).getHost())) {
        endpoints.add(URI.create(tokenUrl));
      }
    }

    List<Step> steps() {
      return List.of(
          new Step("dns", this::dns),
          new Step("tcp", this::tcp),
          new Step("tls", this::tls),
          new Step("discovery", this::discovery),
          new Step("token", this::token),
          new Step("capability-statement", this::capabilities),
          new Step("sample-read", this::sampleRead));
    }

    private Outcome dns() throws StepFailed {
      List<String> found = new ArrayList<>();
      for (URI endpoint : endpoints) {
        List<InetAddress> resolved = network.resolve(endpoint.getHost());
        addresses.put(endpoint.getHost(), resolved.get(0));
        found.add(
            endpoint.getHost()
                + " → "
                + resolved.stream()
                    .map(InetAddress::getHostAddress)
                    .collect(Collectors.joining(", ")));
      }
      return new Outcome(String.join("; ", found), null);
    }

    private Outcome tcp() throws StepFailed {
      List<String> open = new ArrayList<>();
      for (URI endpoint : endpoints) {
        network.connect(addresses.get(endpoint.getHost()), endpoint.getHost(), port(endpoint));
        open.add(endpoint.getHost() + ":" + port(endpoint) + " accepts connections");
      }
      return new Outcome(String.join("; ", open), null);
    }

    private Outcome tls() throws StepFailed {
      List<String> seen = new ArrayList<>();
      String hint = null;
      for (URI endpoint : endpoints) {
        if (!"https".equalsIgnoreCase(endpoint.getScheme())) {
          seen.add(endpoint.getHost() + ": skipped: plain HTTP");
          hint = Failure.PLAIN_HTTP.hint();
          continue;
        }
        NetworkProbe.TlsSession session =
            network.handshake(
                addresses.get(endpoint.getHost()), endpoint.getHost(), port(endpoint));
        Duration left = Duration.between(clock.instant(), session.notAfter());
        seen.add(
            endpoint.getHost()
                + ": "
                + session.protocol()
                + ", certificate valid until "
                + session.notAfter());
        if (left.compareTo(CERTIFICATE_WARNING) < 0) {
          hint = "The certificate of " + endpoint.getHost() + " expires within 30 days.";
        }
      }
      return new Outcome(String.join("; ", seen), hint);
    }

    private Outcome discovery() throws StepFailed {
      String tokenUrl = fhir.discover(domain.fhirRoot());
      String stored = domain.discovery().tokenUrl();
      if (stored != null && !stored.equals(tokenUrl)) {
        return new Outcome(
            "token endpoint " + tokenUrl + " (the stored one differs: " + stored + ")",
            "Run discovery on the domain's settings page to store the current endpoints.");
      }
      return new Outcome("token endpoint " + tokenUrl, null);
    }

    private Outcome token() throws StepFailed {
      try {
        token = tokens.grantUncached(domain.id());
      } catch (OAuthException e) {
        throw new StepFailed(failureOf(e), e.getMessage());
      }
      long seconds = Duration.between(clock.instant(), token.expiresAt()).toSeconds();
      return new Outcome(
          "granted for " + String.join(" ", token.scopes()) + "; valid for " + seconds + " s",
          null);
    }

    private Outcome capabilities() throws StepFailed {
      Map<String, Integer> offered = new LinkedHashMap<>();
      List<String> missing = fhir.missing(domain.fhirRoot(), domain.scopes(), offered);
      if (!missing.isEmpty()) {
        throw new StepFailed(
            Failure.MISSING_CAPABILITIES,
            "the server lacks what the scopes need: " + String.join(", ", missing));
      }
      return new Outcome(
          offered.get("resources")
              + " resource types offered; everything the "
              + domain.scopes().size()
              + " scopes need is there",
          null);
    }

    private Outcome sampleRead() throws StepFailed {
      return new Outcome(
          fhir.sampleRead(domain.fhirRoot(), domain.testPatientId(), token.value()), null);
    }
  }

  static Failure failureOf(OAuthException e) {
    OAuthError error = e.error();
    String detail = e.detail() == null ? "" : e.detail();
    if (detail.contains("tenant id in the token URL is wrong")) {
      return Failure.WRONG_TENANT;
    }
    return switch (error) {
      case INVALID_CLIENT, UNAUTHORIZED_CLIENT -> Failure.INVALID_CLIENT;
      case INVALID_SCOPE -> Failure.SCOPE_MISSING;
      case TOKEN_ENDPOINT_UNAVAILABLE -> Failure.SERVER_ERROR;
      case TOKEN_ENDPOINT_TIMEOUT ->
          detail.startsWith("connecting") ? Failure.CONNECT_TIMEOUT : Failure.READ_TIMEOUT;
      case TOKEN_ENDPOINT_UNREACHABLE ->
          detail.startsWith("cannot resolve")
              ? Failure.DNS_NXDOMAIN
              : detail.startsWith("TLS") ? Failure.TLS_HANDSHAKE : Failure.CONNECTION_REFUSED;
      case NOT_CONFIGURED, DOMAIN_DISABLED -> Failure.NOT_CONFIGURED;
      default -> Failure.UNEXPECTED_ANSWER;
    };
  }

  private static int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
