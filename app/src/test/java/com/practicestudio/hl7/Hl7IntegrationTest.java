package com.practicestudio.hl7;

import com.practicestudio.testing.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link IntegrationTest} with the journal's HL7 retry backoff shortened (so retry and error-queue
 * tests take seconds) and interfaces refreshed often. One context, shared by the HL7 tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(
    properties = {
      "practice-studio.journal.channel-retry.hl7.max-attempts=10",
      "practice-studio.journal.channel-retry.hl7.initial-backoff=50ms",
      "practice-studio.journal.channel-retry.hl7.max-backoff=2s",
      "practice-studio.journal.workers.poll-interval=200ms",
      "practice-studio.hl7.refresh-interval=500ms"
    })
public @interface Hl7IntegrationTest {}
