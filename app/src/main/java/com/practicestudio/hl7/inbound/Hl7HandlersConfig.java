package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7.Hl7InboundPipeline;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires what the inbound handlers share but do not own. */
@Configuration(proxyBeanMethods = false)
class Hl7HandlersConfig {

  /**
   * The message as the listener's rules leave it: parsed with the interface's charset, filtered and
   * transformed (the journal keeps the bytes as received).
   */
  @Bean
  MessageReader hl7MessageReader(Hl7InboundPipeline pipeline) {
    return pipeline::prepare;
  }
}
