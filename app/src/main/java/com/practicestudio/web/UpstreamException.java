package com.practicestudio.web;

/**
 * A remote system (Cerner's authorization server, FHIR server, an MLLP peer) failed or refused us;
 * answered 502 with a stable code and a hint for the person fixing it. Messages carry no PHI and no
 * secrets.
 */
public abstract class UpstreamException extends RuntimeException {

  protected UpstreamException(String message) {
    super(message);
  }

  protected UpstreamException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Stable error code, e.g. {@code OAUTH-001}. */
  public abstract String code();

  /** What to check, in plain language. */
  public abstract String hint();
}
