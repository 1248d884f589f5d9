package com.practicestudio.oauth;

/**
 * Why we did not get a token, with a stable code and a plain-language hint. Codes never change
 * meaning; new failures get new codes.
 */
public enum OAuthError {
  INVALID_CLIENT(
      "OAUTH-001",
      "the token endpoint refused the client credentials (invalid_client)",
      "Check the client id and secret; for private_key_jwt check that the public key shown on the"
          + " domain page is registered with Cerner for this client."),
  INVALID_SCOPE(
      "OAUTH-002",
      "a requested scope was refused (invalid_scope)",
      "Ask Cerner to grant the scope to this client, or remove it from the domain's scopes."),
  INVALID_GRANT(
      "OAUTH-003",
      "the authorization code or refresh token is invalid, expired or revoked (invalid_grant)",
      "Launch the app again from Cerner to sign in anew."),
  UNAUTHORIZED_CLIENT(
      "OAUTH-004",
      "this client may not use this grant type (unauthorized_client)",
      "System accounts use client_credentials; SMART apps use authorization codes. Check the"
          + " client registration with Cerner."),
  TOKEN_ENDPOINT_UNAVAILABLE(
      "OAUTH-005",
      "the token endpoint answered with a server error",
      "Cerner's authorization server is down or overloaded; try again later, and check Cerner's"
          + " status page."),
  TOKEN_ENDPOINT_TIMEOUT(
      "OAUTH-006",
      "the token endpoint did not answer in time",
      "Check the network path to the authorization server; raise practice-studio.oauth"
          + ".read-timeout only if answers are merely slow."),
  TOKEN_ENDPOINT_UNREACHABLE(
      "OAUTH-007",
      "the token endpoint could not be reached",
      "Check DNS, firewall and proxy settings for the authorization server's host."),
  NOT_CONFIGURED(
      "OAUTH-008",
      "the domain is missing settings needed for a token",
      "Complete the domain's settings (client id, secret or key, scopes) and run discovery."),
  BAD_TOKEN_RESPONSE(
      "OAUTH-009",
      "the token endpoint's answer is not a valid bearer token response",
      "The token URL may point at the wrong server; run discovery again."),
  UNSUPPORTED_GRANT_TYPE(
      "OAUTH-010",
      "the token endpoint does not support this grant type (unsupported_grant_type)",
      "Check the domain's token URL and the client registration with Cerner."),
  INVALID_REQUEST(
      "OAUTH-011",
      "the token endpoint found the request malformed (invalid_request)",
      "Run discovery again; if it persists, report it with the time of the failure."),
  INVALID_STATE(
      "OAUTH-012",
      "the sign-in answer does not belong to a launch of this session, was used, or expired",
      "Start the launch again from Cerner or from the domain page."),
  UNKNOWN_ISSUER(
      "OAUTH-013",
      "no Cerner domain is configured with this FHIR server (iss)",
      "Add a domain whose FHIR root is exactly the launching server's address, or fix the"
          + " launch URL registered with Cerner."),
  ACCESS_DENIED(
      "OAUTH-014",
      "the user or Cerner denied the authorization (access_denied)",
      "Approve the request on Cerner's page, or ask Cerner to grant the app's scopes."),
  DOMAIN_DISABLED("OAUTH-015", "the domain is disabled", "Enable the domain on its settings page."),
  NOT_AUTHORIZED(
      "OAUTH-016",
      "no SMART authorization is stored for this user and domain",
      "Launch the app from Cerner (or start a standalone launch) to sign in."),
  TOKEN_ERROR(
      "OAUTH-017",
      "the token endpoint refused the request",
      "See the error Cerner gave; check the client registration.");

  private final String code;
  private final String summary;
  private final String hint;

  OAuthError(String code, String summary, String hint) {
    this.code = code;
    this.summary = summary;
    this.hint = hint;
  }

  public String code() {
    return code;
  }

  public String summary() {
    return summary;
  }

  public String hint() {
    return hint;
  }

  /** The error for an OAuth error code from a token endpoint or an authorize redirect. */
  static OAuthError ofOAuthCode(String oauthCode) {
    if (oauthCode == null) {
      return TOKEN_ERROR;
    }
    return switch (oauthCode) {
      case "invalid_client" -> INVALID_CLIENT;
      case "invalid_scope" -> INVALID_SCOPE;
      case "invalid_grant" -> INVALID_GRANT;
      case "unauthorized_client" -> UNAUTHORIZED_CLIENT;
      case "unsupported_grant_type" -> UNSUPPORTED_GRANT_TYPE;
      case "invalid_request" -> INVALID_REQUEST;
      case "access_denied" -> ACCESS_DENIED;
      case "server_error", "temporarily_unavailable" -> TOKEN_ENDPOINT_UNAVAILABLE;
      default -> TOKEN_ERROR;
    };
  }
}
