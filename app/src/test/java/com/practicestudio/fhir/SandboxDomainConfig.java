package com.practicestudio.fhir;

import com.practicestudio.sandbox.CernerSandbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The running sandbox as Cerner domain 1 of the server under test, with real tokens from its token
 * endpoint. One sandbox per JVM, on a clock tests move (outages end without waiting).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SandboxDomainConfig {

  static final long DOMAIN = 1L;
  static final MovableClock SANDBOX_CLOCK = new MovableClock(Instant.now());
  static final CernerSandbox SANDBOX =
      CernerSandbox.builder().patients(300).seed(31).clock(SANDBOX_CLOCK).build().start();
  static final SandboxTokens TOKENS = new SandboxTokens(SANDBOX);

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(SANDBOX::close));
  }

  @Bean
  @Primary
  TokenSource sandboxTokenSource() {
    return TOKENS;
  }

  @Bean
  @Primary
  CernerEndpoints sandboxEndpoints() {
    FhirEndpoint endpoint = SandboxEndpoints.of(SANDBOX, DOMAIN);
    return new CernerEndpoints() {
      @Override
      public Optional<FhirEndpoint> find(long domainId) {
        return domainId == DOMAIN ? Optional.of(endpoint) : Optional.empty();
      }

      @Override
      public List<FhirEndpoint> all() {
        return List.of(endpoint);
      }
    };
  }
}
