package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

class HandlerRoutesTest {

  private static final ExchangeHandler A08 = named();
  private static final ExchangeHandler ADT = named();
  private static final ExchangeHandler AD = named();
  private static final ExchangeHandler ANY_HL7 = named();
  private static final ExchangeHandler FHIR_OUT = named();

  private final HandlerRoutes routes =
      HandlerRoutes.of(
          new LinkedHashMap<>(
              Map.of(
                  "HL7 INBOUND *", ANY_HL7,
                  "HL7 INBOUND AD*", AD,
                  "HL7 INBOUND ADT^*", ADT,
                  "HL7 INBOUND ADT^A08", A08,
                  "fhir outbound Appointment.book", FHIR_OUT)));

  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
    "HL7, INBOUND, ADT^A08, A08", // exact beats every prefix
    "HL7, INBOUND, ADT^A04, ADT", // the longer prefix
    "HL7, INBOUND, ADX^A01, AD",
    "HL7, INBOUND, ORU^R01, ANY_HL7",
    "FHIR, OUTBOUND, Appointment.book, FHIR_OUT",
    "HL7, OUTBOUND, ADT^A08, none", // direction must match
    "FHIR, OUTBOUND, Appointment.cancel, none"
  })
  void the_most_specific_pattern_wins(
      Channel channel, Direction direction, String type, String expected) {
    Map<String, ExchangeHandler> byName =
        Map.of("A08", A08, "ADT", ADT, "AD", AD, "ANY_HL7", ANY_HL7, "FHIR_OUT", FHIR_OUT);
    assertThat(routes.find(row(channel, direction, type)))
        .isEqualTo(java.util.Optional.ofNullable(byName.get(expected)));
  }

  @Test
  void a_pattern_declared_twice_or_malformed_is_refused() {
    assertThatThrownBy(
            () ->
                new HandlerRoutes(
                        () ->
                            java.util.List.of(
                                HandlerRoutes.parse("HL7 INBOUND ADT^A08", A08, "first"),
                                HandlerRoutes.parse("hl7 inbound ADT^A08", ADT, "second")))
                    .routes())
        .hasMessageContaining("first")
        .hasMessageContaining("second");
    assertThatThrownBy(() -> HandlerRoutes.parse("HL7 ADT^A08", A08, "bean"))
        .hasMessageContaining("<CHANNEL> <DIRECTION> <type>");
    assertThatThrownBy(() -> HandlerRoutes.parse("SMTP INBOUND *", A08, "bean"))
        .hasMessageContaining("unknown channel");
  }

  @Test
  void handler_beans_are_found_by_their_handles_annotation_on_class_or_bean_method() {
    try (AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(AdtA08Handler.class, Handlers.class)) {
      HandlerRoutes found = new JournalConfig().handlerRoutes(context.getBeanFactory());
      assertThat(found.find(row(Channel.HL7, Direction.INBOUND, "ADT^A08")))
          .containsInstanceOf(AdtA08Handler.class);
      assertThat(found.find(row(Channel.HL7, Direction.INBOUND, "ADT^A31"))).isPresent();
      assertThat(found.find(row(Channel.FHIR, Direction.OUTBOUND, "Observation.create")))
          .containsSame(context.getBean("fhirWrites", ExchangeHandler.class));
    }
  }

  @Test
  void a_handler_bean_without_a_pattern_stops_the_start() {
    try (AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(Unannotated.class)) {
      HandlerRoutes found = new JournalConfig().handlerRoutes(context.getBeanFactory());
      assertThatThrownBy(found::routes).hasMessageContaining("has no @Handles");
    }
  }

  @Component
  @Handles("HL7 INBOUND ADT^A08")
  static class AdtA08Handler implements ExchangeHandler {
    @Override
    public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
      return Outcome.done();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Handlers {
    @Bean
    @Handles({"HL7 INBOUND ADT^A31", "HL7 INBOUND ADT^A40"})
    ExchangeHandler demographics() {
      return (e, p, c) -> Outcome.done();
    }

    @Bean
    @Handles("FHIR OUTBOUND *")
    ExchangeHandler fhirWrites() {
      return (e, p, c) -> Outcome.done();
    }
  }

  @Component
  static class Unannotated implements ExchangeHandler {
    @Override
    public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
      return Outcome.done();
    }
  }

  private static ExchangeHandler named() {
    return (e, p, c) -> Outcome.done();
  }

  static Exchange row(Channel channel, Direction direction, String type) {
    Instant t = Instant.parse("2026-11-19T14:30:00Z");
    return new Exchange(
        1,
        channel,
        direction,
        type,
        "LAB",
        "1",
        null,
        direction.waiting(),
        0,
        t,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        null,
        t,
        null,
        t);
  }
}
