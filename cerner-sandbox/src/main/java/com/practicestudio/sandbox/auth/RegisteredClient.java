package com.practicestudio.sandbox.auth;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.util.List;

/**
 * A client registered with the authorization server.
 *
 * @param secret the client secret (HTTP Basic), null for public apps and key-only clients
 * @param allowedScopes what the client may be granted
 * @param redirectUris the registered redirect URIs (SMART apps)
 * @param jwks public keys for {@code private_key_jwt} client authentication, may be null
 */
public record RegisteredClient(
    String clientId,
    String secret,
    Kind kind,
    ScopeSet allowedScopes,
    List<URI> redirectUris,
    JWKSet jwks) {

  /** System accounts use client_credentials; SMART apps use the authorization code flow. */
  public enum Kind {
    SYSTEM,
    CONFIDENTIAL_APP,
    PUBLIC_APP
  }

  public RegisteredClient {
    redirectUris = List.copyOf(redirectUris);
  }

  public static RegisteredClient system(String clientId, String secret, ScopeSet scopes) {
    return new RegisteredClient(clientId, secret, Kind.SYSTEM, scopes, List.of(), null);
  }

  public static RegisteredClient publicApp(String clientId, ScopeSet scopes, List<URI> redirects) {
    return new RegisteredClient(clientId, null, Kind.PUBLIC_APP, scopes, redirects, null);
  }

  public static RegisteredClient confidentialApp(
      String clientId, String secret, ScopeSet scopes, List<URI> redirects) {
    return new RegisteredClient(clientId, secret, Kind.CONFIDENTIAL_APP, scopes, redirects, null);
  }

  /** This client, also accepting {@code private_key_jwt} assertions signed by these keys. */
  public RegisteredClient withJwks(JWKSet keys) {
    return new RegisteredClient(clientId, secret, kind, allowedScopes, redirectUris, keys);
  }
}
