package com.practicestudio.fhir;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;

/**
 * Puts the domain's system-account token on every request, from the token cache. Remembers, per
 * thread, which token the last request carried so that a 401 invalidates exactly that one.
 */
final class BearerTokenInterceptor implements IClientInterceptor {

  private final TokenSource tokens;
  private final FhirEndpoint endpoint;
  private final ThreadLocal<String> lastToken = new ThreadLocal<>();

  BearerTokenInterceptor(TokenSource tokens, FhirEndpoint endpoint) {
    this.tokens = tokens;
    this.endpoint = endpoint;
  }

  @Override
  public void interceptRequest(IHttpRequest request) {
    String token = tokens.token(endpoint.domainId(), endpoint.scopes());
    lastToken.set(token);
    request.removeHeaders("Authorization");
    request.addHeader("Authorization", "Bearer " + token);
  }

  @Override
  public void interceptResponse(IHttpResponse response) {
    // nothing: a 401 is handled by the client, which calls invalidateLast()
  }

  /** Drops the token this thread's last request carried. */
  void invalidateLast() {
    String token = lastToken.get();
    if (token != null) {
      tokens.invalidate(endpoint.domainId(), endpoint.scopes(), token);
      lastToken.remove();
    }
  }
}
