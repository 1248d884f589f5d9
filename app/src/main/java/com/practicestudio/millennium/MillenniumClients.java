package com.practicestudio.millennium;

import ca.uhn.fhir.context.FhirContext;
import com.practicestudio.fhir.FhirClientProperties;
import com.practicestudio.fhir.FhirEndpoint;
import com.practicestudio.fhir.FhirError;
import com.practicestudio.fhir.TokenSource;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link MillenniumClient} per domain endpoint, on one shared HTTP client. */
public final class MillenniumClients {

  private final TokenSource tokens;
  private final FhirClientProperties settings;
  private final HttpClient http;
  private final FhirContext fhir = FhirContext.forR4Cached();
  private final Map<FhirEndpoint, MillenniumClient> clients = new ConcurrentHashMap<>();

  public MillenniumClients(TokenSource tokens, FhirClientProperties settings) {
    this.tokens = tokens;
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
  }

  public MillenniumClient client(FhirEndpoint endpoint) {
    return clients.computeIfAbsent(
        endpoint, e -> new MillenniumClient(e, tokens, http, settings.readTimeout(), fhir));
  }

  static FhirError errorOf(int status) {
    return switch (status) {
      case 401 -> FhirError.UNAUTHORIZED;
      case 403 -> FhirError.FORBIDDEN;
      case 404, 410 -> FhirError.NOT_FOUND;
      case 409, 412 -> FhirError.CONFLICT;
      case 422 -> FhirError.UNPROCESSABLE;
      case 408, 429 -> FhirError.UNAVAILABLE;
      default -> status >= 500 ? FhirError.UNAVAILABLE : FhirError.REJECTED;
    };
  }
}
