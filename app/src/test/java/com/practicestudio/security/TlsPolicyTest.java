package com.practicestudio.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;

class TlsPolicyTest {

  @Test
  void protocols_older_than_tls_1_2_are_dropped() {
    assertThat(protocolsAfterPolicy("TLSv1", "TLSv1.1", "TLSv1.2")).containsExactly("TLSv1.2");
  }

  @Test
  void without_a_choice_tls_1_3_and_1_2_are_enabled() {
    assertThat(protocolsAfterPolicy((String[]) null)).containsExactly("TLSv1.3", "TLSv1.2");
  }

  @Test
  void a_configuration_allowing_only_old_protocols_is_refused() {
    assertThatThrownBy(() -> protocolsAfterPolicy("TLSv1", "TLSv1.1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TLS 1.1");
  }

  @Test
  void plain_http_is_left_alone() {
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    new TlsPolicy().customize(factory);
    assertThat(factory.getSsl()).isNull();
  }

  private static String[] protocolsAfterPolicy(String... asked) {
    Ssl ssl = new Ssl();
    ssl.setKeyStore("classpath:none.p12");
    ssl.setEnabledProtocols(asked);
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    factory.setSsl(ssl);
    new TlsPolicy().customize(factory);
    return factory.getSsl().getEnabledProtocols();
  }
}
