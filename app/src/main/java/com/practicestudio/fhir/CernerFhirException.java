package com.practicestudio.fhir;

import java.time.Duration;

/**
 * Cerner answered a FHIR call with an error, or could not be reached. The message is readable and
 * holds no PHI: the operation, the HTTP status, Cerner's OperationOutcome diagnostics (Cerner words
 * them without record values) and Cerner's request id for its support.
 *
 * @see FhirError
 */
public class CernerFhirException extends RuntimeException {

  private final FhirError error;
  private final int status;
  private final String requestId;
  private final Duration retryAfter;

  public CernerFhirException(
      FhirError error,
      int status,
      String operation,
      String diagnostics,
      String requestId,
      Duration retryAfter,
      Throwable cause) {
    super(message(error, status, operation, diagnostics, requestId), cause);
    this.error = error;
    this.status = status;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }

  private static String message(
      FhirError error, int status, String operation, String diagnostics, String requestId) {
    StringBuilder m = new StringBuilder(error.code()).append(' ').append(operation).append(": ");
    m.append(error.meaning());
    if (status > 0) {
      m.append(" (HTTP ").append(status).append(')');
    }
    if (diagnostics != null && !diagnostics.isBlank()) {
      m.append(": ")
          .append(diagnostics.length() > 300 ? diagnostics.substring(0, 300) : diagnostics);
    }
    if (requestId != null) {
      m.append(" [Cerner request id ").append(requestId).append(']');
    }
    return m.toString();
  }

  public FhirError error() {
    return error;
  }

  /** The HTTP status, 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** Cerner's id of the request ({@code X-Request-Id} / {@code opc-request-id}), if it sent one. */
  public String requestId() {
    return requestId;
  }

  /** How long Cerner asked to wait ({@code Retry-After}), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whether trying again later may succeed (429, 503, other 5xx, no answer). */
  public boolean retryable() {
    return error == FhirError.UNAVAILABLE;
  }
}
