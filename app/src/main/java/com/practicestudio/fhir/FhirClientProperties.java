package com.practicestudio.fhir;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the FHIR client talks to Cerner ({@code practice-studio.fhir.*}).
 *
 * @param connectTimeout TCP (and TLS) connect
 * @param readTimeout waiting for response bytes once connected
 * @param poolTimeout waiting for a free pooled connection
 * @param maxConnections pooled connections per node
 * @param readRetries how often a read is tried again after 429, 503 or a dropped connection
 * @param initialBackoff the wait before the first such retry when Cerner names none
 * @param maxRetryAfter the longest {@code Retry-After} a read waits in place; longer ones fail it
 * @param pageSize {@code _count} asked for on searches
 * @param maxPages the most pages one search follows
 */
@ConfigurationProperties("practice-studio.fhir")
public record FhirClientProperties(
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("5s") Duration poolTimeout,
    @DefaultValue("20") int maxConnections,
    @DefaultValue("3") int readRetries,
    @DefaultValue("500ms") Duration initialBackoff,
    @DefaultValue("30s") Duration maxRetryAfter,
    @DefaultValue("50") int pageSize,
    @DefaultValue("40") int maxPages) {

  public static FhirClientProperties defaults() {
    return new FhirClientProperties(
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        20,
        3,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        50,
        40);
  }
}
