package com.practicestudio.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes (and keeps) one {@link CernerFhirClient} per Cerner domain endpoint, sharing one HAPI
 * context and its connection pool, with timeouts by phase from {@link FhirClientProperties}.
 */
public final class CernerFhirClients {

  private final FhirContext fhir;
  private final TokenSource tokens;
  private final FhirClientProperties settings;
  private final MeterRegistry meters;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Map<FhirEndpoint, CernerFhirClient> clients = new ConcurrentHashMap<>();

  public CernerFhirClients(
      TokenSource tokens,
      FhirClientProperties settings,
      MeterRegistry meters,
      Sleeper sleeper,
      Clock clock) {
    this.tokens = tokens;
    this.settings = settings;
    this.meters = meters;
    this.sleeper = sleeper;
    this.clock = clock;
    this.fhir = FhirContext.forR4();
    IRestfulClientFactory factory = fhir.getRestfulClientFactory();
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    factory.setConnectTimeout((int) settings.connectTimeout().toMillis());
    factory.setSocketTimeout((int) settings.readTimeout().toMillis());
    factory.setConnectionRequestTimeout((int) settings.poolTimeout().toMillis());
    factory.setPoolMaxTotal(settings.maxConnections());
    factory.setPoolMaxPerRoute(settings.maxConnections());
  }

  /** The HAPI context the clients parse with (R4). */
  public FhirContext context() {
    return fhir;
  }

  /** The client of this endpoint (a changed endpoint gets a new one). */
  public CernerFhirClient client(FhirEndpoint endpoint) {
    return clients.computeIfAbsent(endpoint, this::create);
  }

  private CernerFhirClient create(FhirEndpoint endpoint) {
    IGenericClient client = fhir.newRestfulGenericClient(endpoint.fhirRoot());
    client.setEncoding(EncodingEnum.JSON);
    BearerTokenInterceptor auth = new BearerTokenInterceptor(tokens, endpoint);
    client.registerInterceptor(auth);
    RequestMetricsInterceptor requests =
        new RequestMetricsInterceptor(meters, endpoint.name(), endpoint.fhirRoot());
    client.registerInterceptor(requests);
    return new CernerFhirClient(endpoint, client, auth, requests, settings, sleeper, clock);
  }
}
