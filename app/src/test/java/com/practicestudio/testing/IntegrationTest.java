package com.practicestudio.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole server on a random port, on a real embedded PostgreSQL in a fresh data directory. The
 * admin password is {@link TestUsers#ADMIN_PASSWORD}. Contexts are cached across test classes, so
 * tests must not assume an empty database: create what you need with unique names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "PRACTICE_STUDIO_ADMIN_PASSWORD=" + TestUsers.ADMIN_PASSWORD,
      "practice-studio.hl7.mllp.port=0"
    })
@ContextConfiguration(initializers = FreshDataDirectory.class)
@AutoConfigureTestRestTemplate
public @interface IntegrationTest {}
