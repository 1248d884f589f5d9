package com.practicestudio.ops.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.cerner.CernerDomain;
import com.practicestudio.cerner.CernerDomainInput;
import com.practicestudio.cerner.CernerDomains;
import com.practicestudio.cerner.SandboxDomains;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxUrls;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The connectivity test through the API, against sandboxes that behave and misbehave. */
@IntegrationTest
class ConnectivityTestIT {

  static final List<String> STEPS =
      List.of("dns", "tcp", "tls", "discovery", "token", "capability-statement", "sample-read");

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CernerDomains domains;
  JsonApi admin;

  @BeforeEach
  void setUp() {
    SandboxDomains.quietSandboxLogs();
    admin = new JsonApi(http, json, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
  }

  @Test
  void every_step_passes_against_the_sandbox_with_a_plain_http_warning() {
    try (CernerSandbox sandbox = SandboxDomains.start()) {
      String patient = Long.toString(sandbox.data().patients().get(3).personId());
      CernerDomain domain =
          domains.create(
              SandboxDomains.input(sandbox, SandboxDomains.uniqueName("ok"))
                  .testPatientId(patient)
                  .build());

      JsonNode report = run(domain);

      assertThat(report.path("ok").asBoolean()).isTrue();
      assertThat(names(report)).isEqualTo(STEPS);
      for (JsonNode step : report.path("steps")) {
        assertThat(step.path("ok").asBoolean()).as(step.path("name").asString()).isTrue();
        assertThat(step.path("millis").asLong()).isGreaterThanOrEqualTo(0);
      }
      JsonNode tls = step(report, "tls");
      assertThat(tls.path("detail").asString()).contains("skipped: plain HTTP");
      assertThat(tls.path("hint").asString()).contains("must be https");
      assertThat(step(report, "sample-read").path("detail").asString())
          .contains("Patient?_id=" + patient, "found 1 patient");
      assertThat(step(report, "token").path("detail").asString()).contains("system/Patient.read");
      assertThat(audited(domain.id())).contains("\"ok\": true");
    }
  }

  @Test
  void without_a_test_patient_the_sample_read_reads_metadata_with_the_token() {
    try (CernerSandbox sandbox = SandboxDomains.start()) {
      CernerDomain domain =
          domains.create(SandboxDomains.input(sandbox, SandboxDomains.uniqueName("meta")).build());

      JsonNode report = run(domain);

      assertThat(report.path("ok").asBoolean()).isTrue();
      assertThat(step(report, "sample-read").path("detail").asString()).contains("metadata");
    }
  }

  @Test
  void a_wrong_secret_fails_the_token_step_with_the_invalid_client_hint() {
    try (CernerSandbox sandbox = SandboxDomains.start()) {
      CernerDomain domain =
          domains.create(
              SandboxDomains.input(sandbox, SandboxDomains.uniqueName("secret"))
                  .systemAccount(sandbox.systemClientId(), "a-wrong-secret")
                  .build());

      JsonNode report = run(domain);

      assertThat(report.path("ok").asBoolean()).isFalse();
      JsonNode token = step(report, "token");
      assertThat(token.path("ok").asBoolean()).isFalse();
      assertThat(token.path("detail").asString()).contains("OAUTH-001", "invalid_client");
      assertThat(token.path("hint").asString()).contains("client id and secret");
      assertThat(step(report, "discovery").path("ok").asBoolean()).isTrue();
      assertSkippedAfter(report, "token");
      assertThat(audited(domain.id())).contains("\"failedStep\": \"token\"");
    }
  }

  @Test
  void a_wrong_tenant_fails_discovery_with_the_tenant_hint() {
    try (CernerSandbox sandbox = SandboxDomains.start()) {
      String wrongRoot =
          sandbox.urls().fhirRoot().replace(sandbox.tenant(), UUID.randomUUID().toString());
      CernerDomain domain =
          domains.create(
              SandboxDomains.input(sandbox, SandboxDomains.uniqueName("tenant"))
                  .fhirRoot(wrongRoot)
                  .build());
      assertThat(domain.discovery().ok()).isFalse();

      JsonNode report = run(domain);

      JsonNode discovery = step(report, "discovery");
      assertThat(discovery.path("ok").asBoolean()).isFalse();
      assertThat(discovery.path("detail").asString()).contains("HTTP 403");
      assertThat(discovery.path("hint").asString()).contains("tenant id in the URL is wrong");
      assertThat(step(report, "tcp").path("ok").asBoolean()).isTrue();
      assertSkippedAfter(report, "discovery");
    }
  }

  @Test
  void a_token_endpoint_outage_fails_the_token_step_with_the_server_error_hint() {
    try (CernerSandbox sandbox = SandboxDomains.start()) {
      CernerDomain domain =
          domains.create(
              SandboxDomains.input(sandbox, SandboxDomains.uniqueName("outage")).build());
      sandbox
          .faults()
          .outage(SandboxUrls.oauthPath(sandbox.tenant()) + "/token", Duration.ofSeconds(60));

      JsonNode report = run(domain);

      JsonNode token = step(report, "token");
      assertThat(token.path("ok").asBoolean()).isFalse();
      assertThat(token.path("detail").asString()).contains("OAUTH-005", "HTTP 503");
      assertThat(token.path("hint").asString()).contains("Cerner's side is failing");
    }
  }

  @Test
  void missing_interactions_fail_the_capability_step_naming_them() {
    try (CernerSandbox sandbox = SandboxDomains.start()) {
      // saved while the FHIR server was down, so its scopes could not be checked then
      sandbox.faults().outage("/r4/", Duration.ofSeconds(60));
      CernerDomain domain =
          domains.create(
              SandboxDomains.input(sandbox, SandboxDomains.uniqueName("caps"))
                  .scopes(
                      List.of("system/Patient.read", "system/Encounter.rs", "system/Location.cud"))
                  .build());
      sandbox.faults().reset();
      domains.discover(domain.id());

      JsonNode report = run(domain);

      JsonNode capability = step(report, "capability-statement");
      assertThat(capability.path("ok").asBoolean()).isFalse();
      assertThat(capability.path("detail").asString()).contains("Location write");
      assertThat(capability.path("hint").asString()).contains("missing resources");
    }
  }

  @Test
  void an_unresolvable_host_fails_dns_with_the_dns_hint() {
    CernerDomain domain =
        domains.create(
            CernerDomainInput.builder()
                .name(SandboxDomains.uniqueName("dns"))
                .fhirRoot("http://cerner-" + UUID.randomUUID() + ".invalid/r4/tenant")
                .systemAccount("client", "secret")
                .scopes(SandboxDomains.SYSTEM_SCOPES)
                .timeZone("America/Chicago")
                .build());

    JsonNode report = run(domain);

    JsonNode dns = step(report, "dns");
    assertThat(dns.path("ok").asBoolean()).isFalse();
    assertThat(dns.path("detail").asString()).contains("cannot resolve");
    assertThat(dns.path("hint").asString()).contains("does not exist in DNS");
    assertSkippedAfter(report, "dns");
  }

  @Test
  void a_viewer_may_not_run_the_test() {
    JsonApi.Answer answer =
        JsonApi.anonymous(http, json).post("/api/v1/cerner/domains/1/connectivity-test", "");
    assertThat(answer.code()).isEqualTo(401);
  }

  private JsonNode run(CernerDomain domain) {
    JsonApi.Answer answer =
        admin.post("/api/v1/cerner/domains/" + domain.id() + "/connectivity-test", "");
    assertThat(answer.code()).isEqualTo(200);
    return answer.body();
  }

  private static JsonNode step(JsonNode report, String name) {
    for (JsonNode step : report.path("steps")) {
      if (step.path("name").asString().equals(name)) {
        return step;
      }
    }
    throw new AssertionError("no step " + name);
  }

  private static List<String> names(JsonNode report) {
    List<String> names = new ArrayList<>();
    report.path("steps").forEach(s -> names.add(s.path("name").asString()));
    return names;
  }

  private static void assertSkippedAfter(JsonNode report, String failed) {
    List<String> later = STEPS.subList(STEPS.indexOf(failed) + 1, STEPS.size());
    for (String name : later) {
      JsonNode step = step(report, name);
      assertThat(step.path("skipped").asBoolean()).as(name).isTrue();
      assertThat(step.path("ok").asBoolean()).as(name).isFalse();
    }
  }

  private String audited(long domainId) {
    return jdbc.sql(
            "SELECT detail::text FROM audit_event WHERE action = 'CONNECTIVITY_TEST'"
                + " AND target_id = ? ORDER BY id DESC LIMIT 1")
        .param(Long.toString(domainId))
        .query(String.class)
        .single();
  }
}
