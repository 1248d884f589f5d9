package com.practicestudio.hl7.outbound;

import com.practicestudio.codemaps.CodeMaps;
import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.hl7.ControlIds;
import com.practicestudio.hl7.Hl7Properties;
import com.practicestudio.hl7.InterfaceRegistry;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.patients.PatientService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires outbound SIU: the mapper and the appointment listener. */
@Configuration(proxyBeanMethods = false)
class SiuConfig {

  @Bean
  AppointmentSiuWriter appointmentSiuWriter(
      InterfaceRegistry registry,
      ExchangeJournal journal,
      ControlIds controlIds,
      CodeMaps codes,
      PatientService patients,
      ProviderService providers,
      LocationService locations,
      Clock clock,
      Hl7Properties settings) {
    return new AppointmentSiuWriter(
        registry,
        journal,
        controlIds,
        new SiuMapper(codes, settings.sendingApplication(), settings.sendingFacility()),
        patients,
        providers,
        locations,
        clock,
        settings.sendingApplication());
  }
}
