package com.practicestudio.fhir;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Turns what HAPI's client throws into a {@link CernerFhirException}. */
final class CernerErrors {

  static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "opc-request-id");

  private CernerErrors() {}

  /**
   * @param sentRequestId the {@code X-Request-Id} we sent, used when Cerner's answer names none
   * @param answerHeaders the headers of the answer as the interceptor saw them (HAPI does not keep
   *     them on every exception), or null
   */
  static CernerFhirException translate(
      RuntimeException e,
      String operation,
      Clock clock,
      String sentRequestId,
      Map<String, List<String>> answerHeaders) {
    if (e instanceof CernerFhirException known) {
      return known;
    }
    // before the response case: HAPI's connection exception is a (500) response exception too
    if (e instanceof FhirClientConnectionException) {
      return new CernerFhirException(
          FhirError.UNAVAILABLE,
          0,
          operation,
          "no answer: " + rootCause(e),
          sentRequestId,
          null,
          e);
    }
    if (e instanceof BaseServerResponseException response) {
      int status = response.getStatusCode();
      Map<String, List<String>> headers =
          response.getResponseHeaders() != null && !response.getResponseHeaders().isEmpty()
              ? response.getResponseHeaders()
              : answerHeaders;
      return new CernerFhirException(
          errorOf(status),
          status,
          operation,
          diagnostics(response.getOperationOutcome()),
          Optional.ofNullable(header(headers, REQUEST_ID_HEADERS)).orElse(sentRequestId),
          retryAfter(header(headers, List.of("retry-after")), clock),
          e);
    }
    throw e;
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

  static String diagnostics(IBaseOperationOutcome outcome) {
    if (!(outcome instanceof OperationOutcome oo) || !oo.hasIssue()) {
      return null;
    }
    return oo.getIssue().stream()
        .map(
            i ->
                (i.hasCode() ? i.getCode().toCode() + " " : "")
                    + (i.hasDiagnostics() ? i.getDiagnostics() : Concepts.text(i.getDetails())))
        .collect(Collectors.joining("; "));
  }

  static String header(Map<String, List<String>> headers, List<String> names) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      for (String name : names) {
        if (entry.getKey() != null
            && entry.getKey().equalsIgnoreCase(name)
            && !entry.getValue().isEmpty()) {
          return entry.getValue().get(0);
        }
      }
    }
    return null;
  }

  /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName();
  }
}
