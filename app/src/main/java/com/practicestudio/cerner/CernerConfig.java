package com.practicestudio.cerner;

import com.practicestudio.security.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sealed columns of Cerner domains, for key rotation. */
@Configuration(proxyBeanMethods = false)
class CernerConfig {

  static final String CLIENT_SECRET = "cerner_domain.client_secret";
  static final String PRIVATE_KEY = "cerner_domain.private_key";
  static final String SMART_CLIENT_SECRET = "cerner_domain.smart_client_secret";

  @Bean
  EncryptedColumn cernerClientSecretColumn() {
    return new EncryptedColumn("cerner_domain", "id", "client_secret");
  }

  @Bean
  EncryptedColumn cernerPrivateKeyColumn() {
    return new EncryptedColumn("cerner_domain", "id", "private_key");
  }

  @Bean
  EncryptedColumn cernerSmartClientSecretColumn() {
    return new EncryptedColumn("cerner_domain", "id", "smart_client_secret");
  }
}
