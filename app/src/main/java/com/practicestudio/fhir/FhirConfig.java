package com.practicestudio.fhir;

import com.practicestudio.codemaps.CodeMaps;
import com.practicestudio.contact.PhoneNumbers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FHIR feature's settings and its stateless mappers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  FhirClientProperties.class,
  FhirOutboundProperties.class,
  FhirSyncProperties.class
})
class FhirConfig {

  @Bean
  ObservationMapper fhirObservationMapper() {
    return new ObservationMapper();
  }

  @Bean
  DocumentMapper fhirDocumentMapper() {
    return new DocumentMapper();
  }

  @Bean
  IdempotentCreates fhirIdempotentCreates() {
    return new IdempotentCreates();
  }

  @Bean
  FhirMappers fhirMappers(CodeMaps codeMaps, PhoneNumbers phones) {
    return new FhirMappers(codeMaps, phones);
  }
}
