package com.practicestudio.oauth;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A token endpoint's successful answer. {@link #toString} hides the tokens.
 *
 * @param refreshToken null when none was issued
 * @param parameters the answer's other parameters: SMART launch context ({@code patient}, {@code
 *     encounter}), {@code id_token}, …
 */
record IssuedTokens(
    String accessToken,
    Instant expiresAt,
    Set<String> scopes,
    String refreshToken,
    Map<String, Object> parameters) {

  IssuedTokens {
    scopes = Set.copyOf(scopes);
    parameters = Map.copyOf(parameters);
  }

  AccessToken access() {
    return new AccessToken(accessToken, expiresAt, scopes);
  }

  String parameter(String name) {
    Object value = parameters.get(name);
    return value == null ? null : value.toString();
  }

  @Override
  public String toString() {
    return "IssuedTokens[expiresAt=" + expiresAt + ", scopes=" + scopes + ", tokens hidden]";
  }
}
