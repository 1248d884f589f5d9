package com.practicestudio.cerner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How we talk to Cerner servers for discovery and the connectivity test, and how Cerner reaches us
 * back ({@code practice-studio.cerner.*}).
 *
 * @param connectTimeout longest wait for a TCP (and TLS) connection
 * @param readTimeout longest wait for an answer once connected
 * @param publicBaseUrl this server's address as browsers reach it (e.g. {@code
 *     https://studio.example.org}), for the SMART redirect URI and launch URL registered with
 *     Cerner; empty → taken from each request (fine without a reverse proxy)
 */
@ConfigurationProperties("practice-studio.cerner")
public record CernerProperties(
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout,
    @DefaultValue("") String publicBaseUrl) {

  public CernerProperties {
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || readTimeout.isNegative()
        || readTimeout.isZero()) {
      throw new IllegalArgumentException("cerner connect-timeout and read-timeout must be > 0");
    }
    publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
  }
}
