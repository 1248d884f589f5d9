package com.practicestudio.oauth;

import java.time.Instant;
import java.util.Set;

/**
 * A bearer token for a resource server. {@link #toString} hides the value: tokens never reach a
 * log.
 *
 * @param value the token to send as {@code Authorization: Bearer <value>}
 * @param expiresAt when the server said it expires (by our clock at grant time)
 * @param scopes the scopes granted
 */
public record AccessToken(String value, Instant expiresAt, Set<String> scopes) {

  public AccessToken {
    scopes = Set.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + ", scopes=" + scopes + ", value hidden]";
  }
}
