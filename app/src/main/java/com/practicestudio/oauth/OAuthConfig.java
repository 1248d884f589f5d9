package com.practicestudio.oauth;

import com.practicestudio.cerner.CernerCredentials;
import com.practicestudio.security.crypto.EncryptedColumn;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OAuthConfig {

  @Bean
  TokenClient tokenClient(OAuthProperties settings, Clock clock) {
    return new TokenClient(settings, clock);
  }

  @Bean
  TokenMetrics tokenMetrics(MeterRegistry registry) {
    return new TokenMetrics(registry);
  }

  @Bean
  AccessTokens accessTokens(
      CernerCredentials credentials,
      TokenClient client,
      Clock clock,
      OAuthProperties settings,
      TokenMetrics metrics) {
    return new AccessTokens(credentials::systemAccount, client, clock, settings, metrics);
  }

  /** SMART refresh tokens are sealed; key rotation re-encrypts them. */
  @Bean
  EncryptedColumn smartRefreshTokenColumn() {
    return new EncryptedColumn("smart_authorization", "id", "refresh_token");
  }
}
