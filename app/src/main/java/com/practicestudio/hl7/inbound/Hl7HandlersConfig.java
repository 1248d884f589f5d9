package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Hl7Message;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires what the inbound handlers share but do not own. */
@Configuration(proxyBeanMethods = false)
class Hl7HandlersConfig {

  /** The stored bytes as received; switch to the interface pipeline's prepared message later. */
  @Bean
  MessageReader hl7MessageReader() {
    return (exchange, payload) -> Hl7Message.parse(payload.bytes());
  }
}
