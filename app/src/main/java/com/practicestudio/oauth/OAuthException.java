package com.practicestudio.oauth;

import com.practicestudio.web.UpstreamException;

/**
 * A token could not be had. The message is {@code "OAUTH-001 <summary>: <detail>"}; it names
 * domains, clients and OAuth error codes, never secrets, tokens or PHI.
 */
public class OAuthException extends UpstreamException {

  private final OAuthError error;
  private final String detail;

  public OAuthException(OAuthError error, String detail) {
    super(error.code() + " " + error.summary() + (detail == null ? "" : ": " + detail));
    this.error = error;
    this.detail = detail;
  }

  public OAuthError error() {
    return error;
  }

  /** What went wrong in this case (may be null). */
  public String detail() {
    return detail;
  }

  @Override
  public String code() {
    return error.code();
  }

  /** A plain-language hint for the person fixing it. */
  @Override
  public String hint() {
    return error.hint();
  }
}
