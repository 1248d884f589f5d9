package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TlsProtocolsTest {

  @Test
  void keeps_only_tls_1_2_and_1_3() {
    assertThat(
            TlsProtocols.modern(
                new String[] {"SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "SSLv2Hello"}))
        .containsExactly("TLSv1.2", "TLSv1.3");
  }

  @Test
  void refuses_a_context_with_only_old_protocols() {
    assertThatThrownBy(() -> TlsProtocols.modern(new String[] {"TLSv1", "TLSv1.1"}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("neither TLSv1.3 nor TLSv1.2");
  }
}
