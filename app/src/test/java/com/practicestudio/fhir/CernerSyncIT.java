package com.practicestudio.fhir;

import static com.practicestudio.fhir.SandboxDomainConfig.DOMAIN;
import static com.practicestudio.fhir.SandboxDomainConfig.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.DocumentRecord;
import com.practicestudio.sandbox.data.LocationRecord;
import com.practicestudio.scheduling.JsonApi;
import com.practicestudio.testing.TestUsers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pulling a patient's results and documents, and the delta sync, through the journal. */
@SandboxDomainTest
class CernerSyncIT {

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;

  JsonApi api;

  @BeforeEach
  void api() {
    api = JsonApi.admin(http, json);
  }

  @Test
  void pulls_a_linked_patients_results_and_documents_once() {
    DocumentRecord document =
        SANDBOX.data().documents().stream()
            .filter(d -> SANDBOX.data().patient(d.patientId()).orElseThrow().active())
            .skip(5)
            .findFirst()
            .orElseThrow();
    long cernerPatient = document.patientId();
    long patient = importPatient(cernerPatient);
    long observations =
        SANDBOX.data().observations().stream().filter(o -> o.patientId() == cernerPatient).count();
    long documents =
        SANDBOX.data().documents().stream().filter(d -> d.patientId() == cernerPatient).count();

    JsonApi.Response pulled = api.post("/api/v1/cerner/patients/" + patient + "/pull", null);
    assertThat(pulled.status()).isEqualTo(200);
    assertThat(pulled.body().path("recorded").asInt()).isEqualTo(observations + documents);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("/api/v1/observations?patientId=" + patient) == observations);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("/api/v1/documents?patientId=" + patient) == documents);
    JsonNode local =
        find("/api/v1/documents?patientId=" + patient, Long.toString(document.documentId()));
    byte[] content =
        http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
            .getForEntity(
                "/api/v1/documents/" + local.path("id").asLong() + "/content", byte[].class)
            .getBody();
    assertThat(content).isEqualTo(document.content());

    JsonApi.Response again = api.post("/api/v1/cerner/patients/" + patient + "/pull", null);
    assertThat(again.body().path("recorded").asInt()).isZero();
    assertThat(again.body().path("unchanged").asInt()).isEqualTo(observations + documents);
  }

  @Test
  void the_delta_sync_reads_appointments_at_known_locations_and_their_encounters() {
    AppointmentRecord appointment =
        SANDBOX.data().appointments().stream()
            .filter(a -> SANDBOX.data().patient(a.patientId()).orElseThrow().active())
            .skip(3)
            .findFirst()
            .orElseThrow();
    LocationRecord location = SANDBOX.data().location(appointment.locationId()).orElseThrow();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("externalId", Long.toString(location.locationId()));
    body.put("name", location.name());
    body.put("timeZone", "America/Chicago");
    api.post("/api/v1/locations", body);
    long patient = importPatient(appointment.patientId());

    String window =
        "?from="
            + appointment.start().minusSeconds(60)
            + "&to="
            + appointment.start().plusSeconds(60);
    JsonApi.Response synced = api.post("/api/v1/cerner/domains/" + DOMAIN + "/sync" + window, null);
    assertThat(synced.status()).isEqualTo(200);
    assertThat(synced.body().path("recorded").asInt()).isPositive();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get("/api/v1/appointments?externalId=" + appointment.appointmentId())
                        .body()
                        .path("items")
                        .size()
                    == 1);
    JsonNode local =
        api.get("/api/v1/appointments?externalId=" + appointment.appointmentId())
            .body()
            .path("items")
            .get(0);
    assertThat(local.path("patientId").asLong()).isEqualTo(patient);
    assertThat(local.path("slotId").asString()).isEqualTo(appointment.slotId());
    assertThat(local.path("providerId").isNull()).as("practitioner imported").isFalse();
    long encounters =
        SANDBOX.data().encounters().stream()
            .filter(e -> e.patientId() == appointment.patientId())
            .count();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("/api/v1/encounters?patientId=" + patient) == encounters);

    JsonApi.Response again = api.post("/api/v1/cerner/domains/" + DOMAIN + "/sync" + window, null);
    assertThat(again.body().path("recorded").asInt()).isZero();
  }

  long importPatient(long personId) {
    JsonApi.Response imported =
        api.post("/api/v1/cerner/domains/" + DOMAIN + "/patients/" + personId + "/import", null);
    assertThat(imported.status()).isIn(200, 201);
    return imported.body().path("patient").path("id").asLong();
  }

  long count(String path) {
    return api.get(path + "&limit=200").body().path("items").size();
  }

  JsonNode find(String path, String externalId) {
    for (JsonNode item : api.get(path + "&limit=200").body().path("items")) {
      if (externalId.equals(item.path("externalId").asString())) {
        return item;
      }
    }
    throw new AssertionError("not found: " + externalId);
  }
}
