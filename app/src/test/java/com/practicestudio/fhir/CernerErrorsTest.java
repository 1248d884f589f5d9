package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTP answers → stable error codes, Retry-After, request ids, readable messages. */
class CernerErrorsTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest(name = "HTTP {0} → {1}")
  @CsvSource({
    "400, REJECTED, false",
    "401, UNAUTHORIZED, false",
    "403, FORBIDDEN, false",
    "404, NOT_FOUND, false",
    "406, REJECTED, false",
    "409, CONFLICT, false",
    "412, CONFLICT, false",
    "422, UNPROCESSABLE, false",
    "429, UNAVAILABLE, true",
    "500, UNAVAILABLE, true",
    "503, UNAVAILABLE, true",
  })
  void statuses_become_stable_errors(int status, FhirError error, boolean retryable) {
    CernerFhirException e =
        CernerErrors.translate(
            BaseServerResponseException.newInstance(status, "x"),
            "Patient read",
            CLOCK,
            "ours",
            null);
    assertThat(e.error()).isEqualTo(error);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.retryable()).isEqualTo(retryable);
  }

  @Test
  void the_message_carries_the_outcome_and_cerners_request_id() {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.BUSINESSRULE)
        .setDiagnostics("Observation.status must be final, amended or corrected");
    BaseServerResponseException response = BaseServerResponseException.newInstance(422, "x");
    response.setOperationOutcome(outcome);
    response.addResponseHeader("opc-request-id", "A1B2C3");

    CernerFhirException e =
        CernerErrors.translate(response, "Observation create", CLOCK, "ours", null);

    assertThat(e.requestId()).isEqualTo("A1B2C3");
    assertThat(e.getMessage())
        .isEqualTo(
            "FHIR-015 Observation create: was refused by a Cerner business rule (HTTP 422):"
                + " business-rule Observation.status must be final, amended or corrected"
                + " [Cerner request id A1B2C3]");
  }

  @Test
  void without_cerners_id_our_own_request_id_is_named() {
    CernerFhirException e =
        CernerErrors.translate(
            BaseServerResponseException.newInstance(403, "x"),
            "Patient read",
            CLOCK,
            "our-id",
            Map.of("X-Request-Id", List.of("cerner-id")));
    assertThat(e.requestId()).as("from the headers the interceptor saw").isEqualTo("cerner-id");
    assertThat(
            CernerErrors.translate(
                    BaseServerResponseException.newInstance(403, "x"), "r", CLOCK, "our-id", null)
                .requestId())
        .isEqualTo("our-id");
  }

  @Test
  void retry_after_is_read_as_seconds_or_as_an_http_date() {
    assertThat(CernerErrors.retryAfter("120", CLOCK)).isEqualTo(Duration.ofMinutes(2));
    assertThat(CernerErrors.retryAfter("Wed, 25 Nov 2026 10:05:00 GMT", CLOCK))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(CernerErrors.retryAfter("Wed, 25 Nov 2026 09:00:00 GMT", CLOCK))
        .isEqualTo(Duration.ZERO);
    assertThat(CernerErrors.retryAfter("soon", CLOCK)).isNull();
    assertThat(CernerErrors.retryAfter(null, CLOCK)).isNull();
  }

  @Test
  void no_answer_is_retryable_and_names_only_the_exception_class() {
    CernerFhirException e =
        CernerErrors.translate(
            new FhirClientConnectionException(new SocketTimeoutException("Read timed out")),
            "Patient search",
            CLOCK,
            "ours",
            null);
    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).contains("no answer: SocketTimeoutException");
  }

  @ParameterizedTest
  @CsvSource({
    "https://x/r4/t/Patient?family=Smith, Patient",
    "https://x/r4/t/Patient/123, Patient",
    "https://x/r4/t/Slot/1-2-3, Slot",
    "https://x/r4/t/metadata, metadata",
    "https://x/r4/t?_getpages=abc, ?",
  })
  void requests_are_timed_by_resource_type_without_their_query(String url, String type) {
    assertThat(RequestMetricsInterceptor.resourceType(url, "https://x/r4/t")).isEqualTo(type);
  }
}
