package com.practicestudio.fhir;

import com.practicestudio.testing.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole server with the Cerner sandbox as domain 1 ({@link SandboxDomainConfig}); the FHIR
 * channel retries fast so that tests wait for outages by moving the sandbox's clock. One context
 * for every class so annotated.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(SandboxDomainConfig.class)
@TestPropertySource(
    properties = {
      "practice-studio.journal.channel-retry.fhir.max-attempts=1000",
      "practice-studio.journal.channel-retry.fhir.initial-backoff=100ms",
      "practice-studio.journal.channel-retry.fhir.max-backoff=300ms",
      "practice-studio.fhir.outbound.max-retry-after=200ms"
    })
public @interface SandboxDomainTest {}
