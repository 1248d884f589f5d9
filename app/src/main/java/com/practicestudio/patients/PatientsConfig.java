package com.practicestudio.patients;

import com.practicestudio.security.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PatientsConfig {

  /** The sealed SSN column, so that key rotation re-encrypts it. */
  @Bean
  EncryptedColumn patientSsnColumn() {
    return new EncryptedColumn("patient", "id", "ssn");
  }
}
