package com.practicestudio.journal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which rows an {@link ExchangeHandler} bean handles: patterns {@code "<CHANNEL> <DIRECTION>
 * <message type>"}, where the type may end in {@code *} (a prefix) or be {@code *} alone, e.g.
 * {@code "HL7 INBOUND ADT^A08"}, {@code "HL7 INBOUND ADT^*"}, {@code "FHIR OUTBOUND *"}. An exact
 * type beats a prefix, a longer prefix beats a shorter one; two handlers with the same pattern stop
 * the server at start-up. Put it on the handler class or on its {@code @Bean} method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Handles {
  String[] value();
}
