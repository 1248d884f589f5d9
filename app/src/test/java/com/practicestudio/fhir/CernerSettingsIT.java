package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.cerner.CernerDomain;
import com.practicestudio.cerner.CernerDomains;
import com.practicestudio.cerner.SandboxDomains;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import com.practicestudio.scheduling.JsonApi;
import com.practicestudio.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FHIR feature on a domain configured in the Cerner settings, with tokens from the OAuth token
 * cache: live search, import, and a booking through Millennium's slot booking service.
 */
@IntegrationTest
class CernerSettingsIT {

  static CernerSandbox sandbox;

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired CernerDomains domains;

  JsonApi api;
  long domainId;

  @BeforeAll
  static void start() {
    sandbox = SandboxDomains.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void domain() {
    SandboxDomains.quietSandboxLogs();
    api = JsonApi.admin(http, json);
    String fhirRoot = sandbox.urls().fhirRoot();
    CernerDomain domain =
        domains
            .findByFhirRoot(fhirRoot)
            .orElseGet(
                () ->
                    domains.create(
                        SandboxDomains.input(sandbox, SandboxDomains.uniqueName("fhir")).build()));
    domainId = domain.id();
  }

  @Test
  void searches_imports_and_books_on_a_configured_domain() {
    PatientRecord record =
        sandbox.data().patients().stream().filter(PatientRecord::active).findFirst().orElseThrow();
    String base = "/api/v1/cerner/domains/" + domainId;

    JsonApi.Response found =
        api.get(
            base
                + "/patients?family="
                + record.name().family()
                + "&birthdate="
                + record.birthDate());
    assertThat(found.status()).as("%s", found.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    found.body().path("items").forEach(p -> ids.add(p.path("externalId").asString()));
    assertThat(ids).contains(Long.toString(record.personId()));

    JsonApi.Response imported = api.post(base + "/patients/" + record.personId() + "/import", null);
    assertThat(imported.status()).isIn(200, 201);
    long patient = imported.body().path("patient").path("id").asLong();

    SlotRecord slot =
        sandbox.data().slots().stream()
            .filter(s -> s.status() == SlotStatus.FREE && s.start().isAfter(Instant.now()))
            .findFirst()
            .orElseThrow();
    Map<String, Object> booking = new LinkedHashMap<>();
    booking.put("patientId", patient);
    booking.put("cernerDomainId", domainId);
    booking.put("slotId", slot.slotId());
    booking.put("startTime", slot.start().toString());
    booking.put("endTime", slot.end().toString());
    long appointment = api.post("/api/v1/appointments", booking).id();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> "booked".equals(api.get("/api/v1/appointments/" + appointment).field("status")));
    assertThat(sandbox.data().slot(slot.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.BUSY);
  }

  @Test
  void a_secret_cerner_refuses_answers_502_with_both_codes_once_and_no_secret() {
    try (CernerSandbox other = SandboxDomains.start()) {
      String wrongSecret = "not-" + other.systemClientSecret();
      CernerDomain refused =
          domains.create(
              SandboxDomains.input(other, SandboxDomains.uniqueName("refused"))
                  .systemAccount(other.systemClientId(), wrongSecret)
                  .build());

      JsonApi.Response answer =
          api.get("/api/v1/cerner/domains/" + refused.id() + "/patients?family=A");

      assertThat(answer.status()).isEqualTo(502);
      assertThat(answer.field("code")).isEqualTo("FHIR-011");
      String detail = answer.field("detail");
      assertThat(detail).contains("invalid_client").doesNotContain(wrongSecret);
      assertThat(detail.split("OAUTH-001", -1)).as(detail).hasSize(2);
    }
  }

  @Test
  void an_unknown_domain_answers_404() {
    JsonApi.Response answer = api.get("/api/v1/cerner/domains/987654321/patients?family=A");
    assertThat(answer.status()).isEqualTo(404);
  }
}
