package com.practicestudio.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.SettableClock;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsIT {

  static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-11-25T15:00:00Z"));

  @RegisterExtension
  static final CernerSandboxExtension SANDBOX =
      new CernerSandboxExtension(() -> CernerSandbox.builder().patients(50).clock(CLOCK));

  CernerSandbox sandbox;
  SandboxHttp http;
  String token;
  String patientPath;

  @BeforeEach
  void setUp(CernerSandbox sandbox) {
    this.sandbox = sandbox;
    http = new SandboxHttp(sandbox);
    token = http.systemToken("system/Patient.read");
    patientPath = "Patient/" + sandbox.data().patients().get(0).personId();
  }

  @AfterEach
  void reset() {
    admin("POST", "/reset", "");
  }

  @Test
  void latency_is_added_on_demand() {
    admin("POST", "/faults", "{\"kind\":\"latency\",\"path\":\"/r4\",\"millis\":300}");
    long started = System.nanoTime();
    assertThat(http.fhirGet(patientPath, token).statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void an_error_rate_answers_500_or_503() {
    admin("POST", "/faults", "{\"kind\":\"error\",\"path\":\"/r4\",\"status\":503,\"rate\":1.0}");
    HttpResponse<String> response = http.fhirGet(patientPath, token);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(SandboxHttp.json(response.body()).path("resourceType").asText())
        .isEqualTo("OperationOutcome");
    assertThat(admin("POST", "/faults", "{\"kind\":\"error\",\"status\":418}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void rate_limiting_answers_429_with_retry_after_for_the_given_number_of_requests() {
    sandbox.faults().rateLimit("/r4", 2, Duration.ofSeconds(7));
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> limited = http.fhirGet(patientPath, token);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).contains("7");
    }
    assertThat(http.fhirGet(patientPath, token).statusCode()).isEqualTo(200);
  }

  @Test
  void an_outage_answers_503_until_its_window_ends() {
    admin("POST", "/faults", "{\"kind\":\"outage\",\"path\":\"/r4\",\"seconds\":60}");
    assertThat(http.fhirGet(patientPath, token).statusCode()).isEqualTo(503);
    CLOCK.advance(Duration.ofSeconds(59));
    assertThat(http.fhirGet(patientPath, token).statusCode()).isEqualTo(503);
    CLOCK.advance(Duration.ofSeconds(1));
    token = http.systemToken("system/Patient.read");
    assertThat(http.fhirGet(patientPath, token).statusCode()).isEqualTo(200);
  }

  @Test
  void a_dropped_connection_closes_the_socket_without_an_answer() throws Exception {
    admin("POST", "/faults", "{\"kind\":\"drop\",\"path\":\"/r4\",\"count\":1}");
    try (Socket socket = new Socket("localhost", sandbox.port())) {
      socket.setSoTimeout(10_000);
      String request =
          "GET /r4/"
              + sandbox.tenant()
              + "/"
              + patientPath
              + " HTTP/1.1\r\nHost: localhost\r\n"
              + "Accept: application/fhir+json\r\nAuthorization: Bearer "
              + token
              + "\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      assertThat(socket.getInputStream().readAllBytes()).isEmpty();
    }
    assertThat(http.fhirGet(patientPath, token).statusCode()).isEqualTo(200);
  }

  @Test
  void a_token_endpoint_outage_refuses_tokens_but_not_fhir() {
    admin("POST", "/faults", "{\"kind\":\"token-outage\",\"seconds\":30}");
    assertThat(
            http.tokenRequest("grant_type=client_credentials&scope=system%2FPatient.read")
                .statusCode())
        .isEqualTo(503);
    assertThat(http.fhirGet(patientPath, token).statusCode()).isEqualTo(200);
    admin("DELETE", "/faults", "");
    assertThat(
            http.tokenRequest("grant_type=client_credentials&scope=system%2FPatient.read")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void the_request_log_and_grant_counts_tell_what_happened() {
    admin("POST", "/reset", "");
    http.systemToken("system/Patient.read");
    http.fhirGet(patientPath, token);
    http.fhirGet("Patient", token);
    JsonNode log = SandboxHttp.json(admin("GET", "/requests", "").body());
    assertThat(log.toString())
        .contains("\"path\":\"/r4/" + sandbox.tenant() + "/" + patientPath + "\",\"status\":200")
        .contains("\"status\":400");
    JsonNode stats = SandboxHttp.json(admin("GET", "/stats", "").body());
    assertThat(stats.path("tokenGrants").path("client_credentials").asLong()).isEqualTo(1);
  }

  private HttpResponse<String> admin(String method, String path, String body) {
    return http.send(
        HttpRequest.newBuilder(URI.create(sandbox.urls().adminBase() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
