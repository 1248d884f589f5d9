package com.practicestudio.oauth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code oauth.token.grants}: tokens asked of Cerner, by domain id, grant type and outcome ({@code
 * ok} or the {@link OAuthError} code).
 */
final class TokenMetrics {

  private final MeterRegistry registry;

  TokenMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void granted(long domainId, String grant) {
    counter(domainId, grant, "ok").increment();
  }

  void failed(long domainId, String grant, OAuthError error) {
    counter(domainId, grant, error.code()).increment();
  }

  private Counter counter(long domainId, String grant, String outcome) {
    return Counter.builder("oauth.token.grants")
        .description("Token grants asked of Cerner authorization servers")
        .tag("domain", Long.toString(domainId))
        .tag("grant", grant)
        .tag("outcome", outcome)
        .register(registry);
  }
}
