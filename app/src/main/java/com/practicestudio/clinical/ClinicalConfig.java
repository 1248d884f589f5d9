package com.practicestudio.clinical;

import com.practicestudio.security.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClinicalConfig {

  /** Document content is sealed with {@code Crypto}; key rotation re-encrypts it. */
  @Bean
  EncryptedColumn documentContentColumn() {
    return new EncryptedColumn("clinical_document", "id", "content");
  }
}
