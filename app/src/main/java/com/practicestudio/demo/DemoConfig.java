package com.practicestudio.demo;

import com.practicestudio.cerner.CernerDomains;
import com.practicestudio.clinical.ObservationService;
import com.practicestudio.codemaps.CodeMaps;
import com.practicestudio.fhir.CernerDeltaSync;
import com.practicestudio.fhir.CernerPatients;
import com.practicestudio.fhir.CernerPull;
import com.practicestudio.fhir.CernerSlots;
import com.practicestudio.hl7.Hl7Interfaces;
import com.practicestudio.hl7.InterfaceRegistry;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.scheduling.AppointmentService;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The demo's beans; the sandbox itself is registered by the {@code demo} command. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "practice-studio.demo.enabled", havingValue = "true")
class DemoConfig {

  @Bean
  DemoSetup demoSetup(
      CernerSandbox sandbox,
      CernerDomains domains,
      Hl7Interfaces interfaces,
      InterfaceRegistry registry,
      CodeMaps codeMaps) {
    return new DemoSetup(sandbox, domains, interfaces, registry, codeMaps);
  }

  @Bean
  DemoFlows demoFlows(
      CernerSandbox sandbox,
      CernerPatients cernerPatients,
      CernerPull pull,
      CernerDeltaSync deltaSync,
      CernerSlots slots,
      AppointmentService appointments,
      ObservationService observations,
      Clock clock) {
    return new DemoFlows(
        sandbox, cernerPatients, pull, deltaSync, slots, appointments, observations, clock);
  }

  @Bean
  DemoTraffic demoTraffic(
      CernerSandbox sandbox,
      DemoSetup setup,
      DemoFlows flows,
      Environment environment,
      @Value("${practice-studio.demo.interval:30s}") Duration interval) {
    return new DemoTraffic(sandbox, setup, flows, environment, interval);
  }
}
