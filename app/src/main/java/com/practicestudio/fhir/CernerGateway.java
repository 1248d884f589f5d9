package com.practicestudio.fhir;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The way into a Cerner domain's FHIR API for the product's services and handlers: the domain
 * (enabled, known) and its client. Without domain settings or a token source, every call answers
 * {@link FhirError#NO_DOMAIN}.
 */
@Component
public class CernerGateway {

  private final ObjectProvider<CernerEndpoints> endpoints;
  private final ObjectProvider<TokenSource> tokens;
  private final FhirClientProperties settings;
  private final io.micrometer.core.instrument.MeterRegistry meters;
  private final java.time.Clock clock;
  private volatile CernerFhirClients clients;
  private volatile CernerFhirClients journalClients;
  private volatile com.practicestudio.millennium.MillenniumClients millennium;

  CernerGateway(
      ObjectProvider<CernerEndpoints> endpoints,
      ObjectProvider<TokenSource> tokens,
      FhirClientProperties settings,
      io.micrometer.core.instrument.MeterRegistry meters,
      java.time.Clock clock) {
    this.endpoints = endpoints;
    this.tokens = tokens;
    this.settings = settings;
    this.meters = meters;
    this.clock = clock;
  }

  /** The enabled domain with this id. */
  public Optional<FhirEndpoint> endpoint(long domainId) {
    CernerEndpoints all = endpoints.getIfAvailable();
    return all == null ? Optional.empty() : all.find(domainId);
  }

  /** The domain patients' records go to, when any is configured. */
  public Optional<FhirEndpoint> primary() {
    CernerEndpoints all = endpoints.getIfAvailable();
    return all == null ? Optional.empty() : all.primary();
  }

  public java.util.List<FhirEndpoint> all() {
    CernerEndpoints all = endpoints.getIfAvailable();
    return all == null ? java.util.List.of() : all.all();
  }

  /** The client of an enabled domain, or {@link FhirError#NO_DOMAIN}. */
  public CernerFhirClient client(long domainId) {
    FhirEndpoint endpoint = endpoint(domainId).orElseThrow(() -> noDomain(domainId));
    return clients().client(endpoint);
  }

  /**
   * The Millennium web services of an enabled domain that has a Millennium base URL, or {@link
   * FhirError#NO_DOMAIN}.
   */
  public com.practicestudio.millennium.MillenniumClient millennium(long domainId) {
    FhirEndpoint endpoint = endpoint(domainId).orElseThrow(() -> noDomain(domainId));
    if (endpoint.millenniumBase() == null) {
      throw noDomain(domainId);
    }
    com.practicestudio.millennium.MillenniumClients m = millennium;
    if (m == null) {
      synchronized (this) {
        m = millennium;
        if (m == null) {
          m = new com.practicestudio.millennium.MillenniumClients(tokenSource(), settings);
          millennium = m;
        }
      }
    }
    return m.client(endpoint);
  }

  /**
   * The client journal handlers use: reads are not retried in place (a worker does not sleep
   * through a {@code Retry-After}); the journal retries the row instead.
   */
  public CernerFhirClient journalClient(long domainId) {
    FhirEndpoint endpoint = endpoint(domainId).orElseThrow(() -> noDomain(domainId));
    CernerFhirClients c = journalClients;
    if (c == null) {
      synchronized (this) {
        c = journalClients;
        if (c == null) {
          FhirClientProperties noRetries =
              new FhirClientProperties(
                  settings.connectTimeout(),
                  settings.readTimeout(),
                  settings.poolTimeout(),
                  settings.maxConnections(),
                  0,
                  settings.initialBackoff(),
                  settings.maxRetryAfter(),
                  settings.pageSize(),
                  settings.maxPages());
          c = new CernerFhirClients(tokenSource(), noRetries, meters, Sleeper.REAL, clock);
          journalClients = c;
        }
      }
    }
    return c.client(endpoint);
  }

  private TokenSource tokenSource() {
    TokenSource source = tokens.getIfAvailable();
    if (source == null) {
      throw new CernerFhirException(
          FhirError.NO_DOMAIN, 0, "token", "no token source is configured", null, null, null);
    }
    return source;
  }

  private CernerFhirClients clients() {
    CernerFhirClients c = clients;
    if (c == null) {
      synchronized (this) {
        c = clients;
        if (c == null) {
          c = new CernerFhirClients(tokenSource(), settings, meters, Sleeper.REAL, clock);
          clients = c;
        }
      }
    }
    return c;
  }

  static CernerFhirException noDomain(long domainId) {
    return new CernerFhirException(
        FhirError.NO_DOMAIN,
        0,
        "domain " + domainId,
        "not configured or not enabled",
        null,
        null,
        null);
  }
}
