package com.practicestudio.oauth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OAuth client's settings ({@code practice-studio.oauth.*}).
 *
 * @param connectTimeout longest wait for a connection to a token endpoint
 * @param readTimeout longest wait for a token endpoint's answer once connected
 * @param refreshMargin a cached token is replaced this long before it expires (at most half its
 *     lifetime), so no call goes out with a token about to lapse
 * @param launchLifetime how long a SMART launch may take from our redirect to Cerner's answer; its
 *     {@code state} is refused after that
 */
@ConfigurationProperties("practice-studio.oauth")
public record OAuthProperties(
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("15s") Duration readTimeout,
    @DefaultValue("60s") Duration refreshMargin,
    @DefaultValue("10m") Duration launchLifetime) {

  public OAuthProperties {
    for (Duration d : new Duration[] {connectTimeout, readTimeout, launchLifetime}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(
            "oauth connect-timeout, read-timeout and launch-lifetime must be > 0");
      }
    }
    if (refreshMargin.isNegative()) {
      throw new IllegalArgumentException("oauth refresh-margin must be >= 0");
    }
  }

  /** The defaults, for code built outside Spring (tests). */
  public static OAuthProperties defaults() {
    return new OAuthProperties(
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(60),
        Duration.ofMinutes(10));
  }
}
