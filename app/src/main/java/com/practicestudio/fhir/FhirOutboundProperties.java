package com.practicestudio.fhir;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How journal-driven writes to Cerner behave ({@code practice-studio.fhir.outbound.*}).
 *
 * @param maxRetryAfter the longest {@code Retry-After} a failed write waits for before its next
 *     attempt (the journal's backoff applies when Cerner names none)
 */
@ConfigurationProperties("practice-studio.fhir.outbound")
public record FhirOutboundProperties(@DefaultValue("10m") Duration maxRetryAfter) {}
