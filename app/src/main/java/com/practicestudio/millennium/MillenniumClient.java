package com.practicestudio.millennium;

import ca.uhn.fhir.context.FhirContext;
import com.practicestudio.fhir.CernerFhirException;
import com.practicestudio.fhir.FhirEndpoint;
import com.practicestudio.fhir.FhirError;
import com.practicestudio.fhir.TokenSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/**
 * One Cerner domain's Millennium web services over {@code java.net.http}: JSON bodies in FHIR
 * shapes, the system account's bearer token, our {@code X-Request-Id} on every request.
 */
public final class MillenniumClient {

  private static final String FHIR_JSON = "application/fhir+json";

  private final FhirEndpoint endpoint;
  private final TokenSource tokens;
  private final HttpClient http;
  private final Duration readTimeout;
  private final FhirContext fhir;

  MillenniumClient(
      FhirEndpoint endpoint,
      TokenSource tokens,
      HttpClient http,
      Duration readTimeout,
      FhirContext fhir) {
    if (endpoint.millenniumBase() == null) {
      throw new IllegalArgumentException("the domain has no Millennium base URL");
    }
    this.endpoint = endpoint;
    this.tokens = tokens;
    this.http = http;
    this.readTimeout = readTimeout;
    this.fhir = fhir;
  }

  public FhirEndpoint endpoint() {
    return endpoint;
  }

  /** Persons whose family and/or given names start so (Cerner's Person search). */
  public List<Patient> searchPersons(String family, String given, int max) {
    Parameters body = new Parameters();
    if (family != null) {
      body.addParameter().setName("family").setValue(new StringType(family));
    }
    if (given != null) {
      body.addParameter().setName("given").setValue(new StringType(given));
    }
    Answer answer = post("Person search", "/patient/v1/Patient/search", body);
    Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, answer.body());
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance)
        .map(Patient.class::cast)
        .limit(max)
        .toList();
  }

  /** Books {@code slotId} with the Appointment body; answers the new Appointment's id. */
  public String bookSlot(String slotId, Appointment body) {
    String path =
        "/scheduling/v1/slots/" + URLEncoder.encode(slotId, StandardCharsets.UTF_8) + "/book";
    Answer answer = post("Slot book", path, body);
    String location = answer.response().headers().firstValue("Location").orElse(null);
    if (location != null) {
      return new IdType(location).getIdPart();
    }
    return fhir.newJsonParser()
        .parseResource(Appointment.class, answer.body())
        .getIdElement()
        .getIdPart();
  }

  private record Answer(HttpResponse<String> response, String body) {}

  private Answer post(String what, String path, IBaseResource body) {
    String json = fhir.newJsonParser().encodeResourceToString(body);
    boolean reauthorised = false;
    while (true) {
      String token = tokens.token(endpoint.domainId(), endpoint.scopes());
      String requestId = UUID.randomUUID().toString();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base() + path))
              .timeout(readTimeout)
              .header("Authorization", "Bearer " + token)
              .header("Accept", FHIR_JSON)
              .header("Content-Type", FHIR_JSON)
              .header("X-Request-Id", requestId)
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new CernerFhirException(
            FhirError.UNAVAILABLE,
            0,
            what,
            "no answer: " + e.getClass().getSimpleName(),
            requestId,
            null,
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CernerFhirException(
            FhirError.UNAVAILABLE, 0, what, "interrupted", requestId, null, e);
      }
      if (response.statusCode() == 401 && !reauthorised) {
        tokens.invalidate(endpoint.domainId(), endpoint.scopes(), token);
        reauthorised = true;
        continue;
      }
      if (response.statusCode() >= 400) {
        throw error(what, response, requestId);
      }
      return new Answer(response, response.body());
    }
  }

  private CernerFhirException error(String what, HttpResponse<String> response, String requestId) {
    int status = response.statusCode();
    String diagnostics = null;
    try {
      OperationOutcome outcome =
          fhir.newJsonParser().parseResource(OperationOutcome.class, response.body());
      diagnostics =
          outcome.getIssue().stream()
              .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
              .filter(d -> d != null)
              .reduce((a, b) -> a + "; " + b)
              .orElse(null);
    } catch (RuntimeException e) {
      // not an OperationOutcome: the status says enough
    }
    String cernerId =
        response
            .headers()
            .firstValue("X-Request-Id")
            .or(() -> response.headers().firstValue("opc-request-id"))
            .orElse(requestId);
    Duration retryAfter =
        response
            .headers()
            .firstValue("Retry-After")
            .filter(v -> v.matches("\\d{1,9}"))
            .map(v -> Duration.ofSeconds(Long.parseLong(v)))
            .orElse(null);
    return new CernerFhirException(
        MillenniumClients.errorOf(status), status, what, diagnostics, cernerId, retryAfter, null);
  }

  private String base() {
    String base = endpoint.millenniumBase();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
