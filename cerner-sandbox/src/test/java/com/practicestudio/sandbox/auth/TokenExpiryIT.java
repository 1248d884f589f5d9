package com.practicestudio.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.SettableClock;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenExpiryIT {

  static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-11-25T15:00:00Z"));

  @RegisterExtension
  static final CernerSandboxExtension SANDBOX =
      new CernerSandboxExtension(() -> CernerSandbox.builder().patients(50).clock(CLOCK));

  @Test
  void an_access_token_is_refused_with_401_once_its_570_seconds_are_over(CernerSandbox sandbox) {
    SandboxHttp http = new SandboxHttp(sandbox);
    String token = http.systemToken("system/Patient.read");
    String patient = "Patient/" + sandbox.data().patients().get(0).personId();

    CLOCK.advance(Duration.ofSeconds(569));
    assertThat(http.fhirGet(patient, token).statusCode()).isEqualTo(200);

    CLOCK.advance(Duration.ofSeconds(1));
    HttpResponse<String> expired = http.fhirGet(patient, token);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"")
        .contains("expired");
  }
}
