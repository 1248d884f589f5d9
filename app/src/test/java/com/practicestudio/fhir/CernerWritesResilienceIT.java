package com.practicestudio.fhir;

import static com.practicestudio.fhir.CernerProductIT.vital;
import static com.practicestudio.fhir.SandboxDomainConfig.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.sandbox.data.ObservationRecord;
import com.practicestudio.scheduling.JsonApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes to Cerner while it is down or throttling: retried by the journal (the sandbox's clock is
 * moved instead of waiting out the outage), all delivered afterwards, none lost, none twice.
 */
@SandboxDomainTest
class CernerWritesResilienceIT {

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  JsonApi api;

  @BeforeEach
  void api() {
    api = JsonApi.admin(http, json);
  }

  @AfterEach
  void faults() {
    SANDBOX.faults().reset();
  }

  @Test
  void writes_during_a_five_minute_outage_are_all_delivered_afterwards_once_each() {
    long patient = linkedPatient();
    String cernerPatient = externalId(patient);
    SANDBOX.faults().outage("/r4/", Duration.ofMinutes(5));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String at = Instant.parse("2026-11-17T08:00:00Z").plusSeconds(60L * i).toString();
      // six writes while Cerner answers 503 with Retry-After: 300
      ids.add(
          api.post("/api/v1/observations", vital(patient, "29463-7", "7" + i + ".5", "kg", at))
              .id());
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> attempts(ids) >= 2 * ids.size());
    assertThat(ids)
        .allSatisfy(
            id -> assertThat(api.get("/api/v1/observations/" + id).field("cernerStatus")).isNull());

    SandboxDomainConfig.SANDBOX_CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        id ->
                            "delivered"
                                .equals(
                                    api.get("/api/v1/observations/" + id).field("cernerStatus"))));
    Instant first = Instant.parse("2026-11-17T08:00:00Z");
    List<Instant> inCerner =
        SANDBOX.data().observations().stream()
            .filter(o -> Long.toString(o.patientId()).equals(cernerPatient))
            .filter(o -> o.code().code().equals("29463-7"))
            .map(ObservationRecord::effective)
            .filter(t -> !t.isBefore(first) && t.isBefore(first.plusSeconds(60L * ids.size())))
            .sorted()
            .toList();
    List<Instant> sent = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      sent.add(first.plusSeconds(60L * i));
    }
    assertThat(inCerner).as("each delivered exactly once").isEqualTo(sent);
  }

  @Test
  void a_storm_of_429s_during_writes_delays_them_and_each_is_delivered_once() {
    long patient = linkedPatient();
    String cernerPatient = externalId(patient);
    SANDBOX.faults().rateLimit("/r4/", 25, Duration.ofSeconds(1));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String at = Instant.parse("2026-11-16T08:00:00Z").plusSeconds(60L * i).toString();
      ids.add(api.post("/api/v1/observations", vital(patient, "8867-4", "7" + i, "/min", at)).id());
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        id ->
                            "delivered"
                                .equals(
                                    api.get("/api/v1/observations/" + id).field("cernerStatus"))));
    assertThat(attempts(ids)).as("the 429s were retried").isGreaterThan(ids.size());
    long inCerner =
        SANDBOX.data().observations().stream()
            .filter(o -> Long.toString(o.patientId()).equals(cernerPatient))
            .filter(o -> o.code().code().equals("8867-4"))
            .filter(o -> o.effective().isBefore(Instant.parse("2026-11-16T09:00:00Z")))
            .filter(o -> !o.effective().isBefore(Instant.parse("2026-11-16T08:00:00Z")))
            .count();
    assertThat(inCerner).isEqualTo(ids.size());
  }

  long attempts(List<Long> observationIds) {
    return jdbc.sql(
            "SELECT coalesce(sum(attempts), 0) FROM exchange WHERE channel = 'FHIR'"
                + " AND message_id = ANY (?)")
        .param(observationIds.stream().map(id -> "Observation/" + id).toArray(String[]::new))
        .query(Long.class)
        .single();
  }

  long linkedPatient() {
    long personId = CernerProductIT.activePatient().personId();
    return api.post(
            "/api/v1/cerner/domains/"
                + SandboxDomainConfig.DOMAIN
                + "/patients/"
                + personId
                + "/import",
            null)
        .body()
        .path("patient")
        .path("id")
        .asLong();
  }

  String externalId(long patient) {
    return api.get("/api/v1/patients/" + patient).field("externalId");
  }
}
