package com.practicestudio.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * HTTPS, when a keystore is configured ({@code server.ssl.key-store}), speaks TLS 1.2 and 1.3 only,
 * whatever else the settings ask for.
 */
@Component
class TlsPolicy implements WebServerFactoryCustomizer<AbstractConfigurableWebServerFactory> {

  static final List<String> ALLOWED = List.of("TLSv1.3", "TLSv1.2");

  @Override
  public void customize(AbstractConfigurableWebServerFactory factory) {
    Ssl ssl = factory.getSsl();
    if (!Ssl.isEnabled(ssl)) {
      return;
    }
    String[] asked = ssl.getEnabledProtocols();
    List<String> kept =
        asked == null ? ALLOWED : Arrays.stream(asked).filter(ALLOWED::contains).toList();
    if (kept.isEmpty()) {
      throw new IllegalStateException(
          "server.ssl.enabled-protocols allows nothing newer than TLS 1.1; use TLSv1.2 or TLSv1.3");
    }
    ssl.setEnabledProtocols(kept.toArray(String[]::new));
  }
}
