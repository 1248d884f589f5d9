package com.practicestudio.security.crypto;

import com.practicestudio.PracticeStudioProperties;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfig {

  @Bean
  MasterKeySource masterKeySource(CryptoProperties crypto, PracticeStudioProperties settings) {
    if (!crypto.masterKey().isBlank()) {
      return MasterKeySource.inline(crypto.masterKey());
    }
    Path file =
        crypto.masterKeyFile().isBlank()
            ? settings.dataDirAbsolute().resolve("master.key")
            : Path.of(crypto.masterKeyFile());
    return MasterKeySource.file(file);
  }

  @Bean
  Crypto crypto(MasterKeySource source) {
    return new Crypto(source.load());
  }
}
