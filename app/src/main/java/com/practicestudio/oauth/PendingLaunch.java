package com.practicestudio.oauth;

import java.io.Serializable;
import java.time.Instant;

/**
 * A SMART launch between our redirect to Cerner and Cerner's answer, kept in the user's session
 * under its {@code state}: used once, refused after {@link OAuthProperties#launchLifetime}.
 *
 * @param codeVerifier the PKCE verifier (S256); never leaves the server
 * @param redirectUri the redirect URI sent with the authorization request (sent again with the
 *     code)
 * @param ehr true for an EHR launch (with a {@code launch} id), false for a standalone one
 */
record PendingLaunch(
    String state,
    long domainId,
    String username,
    String codeVerifier,
    String redirectUri,
    boolean ehr,
    Instant startedAt)
    implements Serializable {

  @Override
  public String toString() {
    return "PendingLaunch[domain=" + domainId + ", ehr=" + ehr + ", startedAt=" + startedAt + "]";
  }
}
