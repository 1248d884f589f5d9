package com.practicestudio.fhir;

import static com.practicestudio.fhir.SandboxDomainConfig.DOMAIN;
import static com.practicestudio.fhir.SandboxDomainConfig.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.sandbox.data.ObservationRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SandboxIdentifiers;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import com.practicestudio.scheduling.JsonApi;
import com.practicestudio.scheduling.RecordsFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product against the Cerner sandbox: search and import/link patients, free slots, booking
 * (confirmed and refused), pushing vital signs and documents through the journal, and writes during
 * a 5-minute outage all delivered once afterwards.
 */
@SandboxDomainTest
class CernerProductIT {

  static final String DOMAIN_API = "/api/v1/cerner/domains/" + DOMAIN;
  static final AtomicInteger NEXT_PATIENT = new AtomicInteger(20);

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
  void searches_cerner_patients_live_in_the_patient_shape() {
    PatientRecord record = activePatient();
    JsonApi.Response found =
        api.get(
            DOMAIN_API
                + "/patients?family="
                + record.name().family()
                + "&birthdate="
                + record.birthDate());
    assertThat(found.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    found.body().path("items").forEach(p -> ids.add(p.path("externalId").asString()));
    assertThat(ids).contains(Long.toString(record.personId()));
    JsonNode first = found.body().path("items").get(0);
    assertThat(first.has("ssn")).isFalse();
    assertThat(first.path("lastName").asString()).isEqualTo(record.name().family());
  }

  @Test
  void search_without_parameters_names_the_field() {
    JsonApi.Response bad = api.get(DOMAIN_API + "/patients");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.badFields()).contains("family");
    assertThat(api.get("/api/v1/cerner/domains/99/patients?family=A").status()).isEqualTo(404);
  }

  @Test
  void imports_a_patient_then_a_second_import_changes_nothing() {
    PatientRecord record = activePatient();
    JsonApi.Response created = importPatient(record.personId(), false);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("patient").path("externalId").asString())
        .isEqualTo(Long.toString(record.personId()));
    assertThat(created.body().path("patient").path("mrn").asString()).isEqualTo(record.mrn());

    JsonApi.Response again = importPatient(record.personId(), false);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("changes")).isEmpty();
    assertThat(again.body().path("patient").path("id").asLong())
        .isEqualTo(created.body().path("patient").path("id").asLong());
  }

  @Test
  void links_a_local_patient_by_mrn_showing_the_differences_first() {
    PatientRecord record = activePatient();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mrn", record.mrn());
    body.put(
        "identifiers",
        List.of(
            Map.of(
                "type",
                "MR",
                "value",
                record.mrn(),
                "assigningAuthority",
                SandboxIdentifiers.MRN_SYSTEM)));
    body.put("firstName", record.name().given());
    body.put("lastName", "Oldname");
    body.put("dateOfBirth", record.birthDate().toString());
    body.put("gender", "U");
    JsonApi.Response created = api.post("/api/v1/patients", body);
    assertThat(created.status()).isEqualTo(201);
    long local = created.id();

    JsonApi.Response preview = importPatient(record.personId(), true);
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body().path("created").asBoolean()).isFalse();
    List<String> fields = new ArrayList<>();
    preview.body().path("changes").forEach(c -> fields.add(c.path("field").asString()));
    assertThat(fields).contains("externalId", "lastName", "gender");
    assertThat(api.get("/api/v1/patients/" + local).field("lastName")).isEqualTo("Oldname");

    JsonApi.Response linked = importPatient(record.personId(), false);
    assertThat(linked.body().path("patient").path("id").asLong()).isEqualTo(local);
    assertThat(api.get("/api/v1/patients/" + local).field("lastName"))
        .isEqualTo(record.name().family());
  }

  @Test
  void lists_free_slots_with_their_ids() {
    SlotRecord slot = freeSlot(0);
    Instant from = slot.start().minus(Duration.ofHours(1));
    JsonApi.Response found =
        api.get(
            DOMAIN_API
                + "/slots?start="
                + from
                + "&end="
                + from.plus(Duration.ofHours(3))
                + "&serviceType="
                + slot.serviceType().millennium().value());
    assertThat(found.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    found.body().path("items").forEach(s -> ids.add(s.path("id").asString()));
    assertThat(ids).contains(slot.slotId());
    found
        .body()
        .path("items")
        .forEach(s -> assertThat(s.path("status").asString()).isEqualTo("free"));
  }

  @Test
  void books_a_cerner_slot_and_refuses_a_taken_one() {
    long first = linkedPatient();
    long second = linkedPatient();
    SlotRecord slot = freeSlot(1);

    JsonApi.Response created = api.post("/api/v1/appointments", booking(first, slot));
    assertThat(created.field("status")).as("until Cerner confirms").isEqualTo("pending");
    long booked = created.id();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "booked".equals(api.get("/api/v1/appointments/" + booked).field("status")));
    String cernerId = api.get("/api/v1/appointments/" + booked).field("externalId");
    assertThat(
            jdbc.sql("SELECT channel FROM exchange WHERE message_id = ?")
                .param("Appointment/" + booked)
                .query(String.class)
                .single())
        .as("the domain enables Millennium slot booking")
        .isEqualTo("MILLENNIUM");
    assertThat(SANDBOX.data().appointment(Long.parseLong(cernerId)).orElseThrow().slotId())
        .isEqualTo(slot.slotId());

    long refused = api.post("/api/v1/appointments", booking(second, slot)).id();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "booking-failed"
                    .equals(api.get("/api/v1/appointments/" + refused).field("status")));
    assertThat(api.get("/api/v1/appointments/" + refused).field("statusReason"))
        .isEqualTo("the slot is no longer free");
    assertThat(SANDBOX.data().slot(slot.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.BUSY);
  }

  @Test
  void booking_for_an_unlinked_patient_is_refused_and_nothing_is_written() {
    long unlinked = new RecordsFixture(jdbc).patient();
    JsonApi.Response refused = api.post("/api/v1/appointments", booking(unlinked, freeSlot(2)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.badFields()).contains("patientId");
    assertThat(
            jdbc.sql("SELECT count(*) FROM appointment WHERE patient_id = ?")
                .param(unlinked)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void pushes_vital_signs_and_documents_to_cerner() {
    long patient = linkedPatient();
    String cernerPatient = externalId(patient);
    long observation =
        api.post(
                "/api/v1/observations",
                vital(patient, "8302-2", "176.4", "cm", "2026-11-18T08:00:00Z"))
            .id();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("patientId", patient);
    document.put("type", Map.of("code", "11506-3", "display", "Progress note"));
    document.put("title", "Visit note");
    document.put("contentType", "text/plain");
    document.put(
        "content",
        Base64.getEncoder().encodeToString("Seen today.".getBytes(StandardCharsets.UTF_8)));
    document.put("sendToCerner", true);
    long documentId = api.post("/api/v1/documents", document).id();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "delivered"
                    .equals(api.get("/api/v1/observations/" + observation).field("cernerStatus")));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "delivered"
                    .equals(api.get("/api/v1/documents/" + documentId).field("cernerStatus")));
    String cernerObservation = api.get("/api/v1/observations/" + observation).field("externalId");
    ObservationRecord sent =
        SANDBOX.data().observation(Long.parseLong(cernerObservation)).orElseThrow();
    assertThat(Long.toString(sent.patientId())).isEqualTo(cernerPatient);
    assertThat(sent.code().code()).isEqualTo("8302-2");
    assertThat(sent.value().ucum()).isEqualTo("cm");
    String cernerDocument = api.get("/api/v1/documents/" + documentId).field("externalId");
    assertThat(SANDBOX.data().document(Long.parseLong(cernerDocument)).orElseThrow().content())
        .isEqualTo("Seen today.".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void an_observation_of_an_unlinked_patient_stays_local() {
    long unlinked = new RecordsFixture(jdbc).patient();
    JsonApi.Response created =
        api.post(
            "/api/v1/observations",
            vital(unlinked, "8867-4", "72", "/min", "2026-11-18T08:00:00Z"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(api.get("/api/v1/observations/" + created.id()).field("cernerStatus")).isNull();
    assertThat(
            jdbc.sql("SELECT count(*) FROM exchange WHERE message_id = ?")
                .param("Observation/" + created.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void an_observation_cerner_would_refuse_is_refused_naming_the_field() {
    long patient = linkedPatient();
    JsonApi.Response refused =
        api.post(
            "/api/v1/observations",
            vital(patient, "29463-7", "heavy", "kg", "2026-11-18T08:00:00Z"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.badFields()).contains("value");
  }

  // ---- helpers

  JsonApi.Response importPatient(long personId, boolean preview) {
    return api.post(
        DOMAIN_API + "/patients/" + personId + "/import" + (preview ? "?preview=true" : ""), null);
  }

  long linkedPatient() {
    return importPatient(activePatient().personId(), false)
        .body()
        .path("patient")
        .path("id")
        .asLong();
  }

  String externalId(long patient) {
    return api.get("/api/v1/patients/" + patient).field("externalId");
  }

  static PatientRecord activePatient() {
    return SANDBOX.data().patients().stream()
        .filter(PatientRecord::active)
        .skip(NEXT_PATIENT.getAndIncrement() * 3L)
        .findFirst()
        .orElseThrow();
  }

  static SlotRecord freeSlot(int n) {
    return SANDBOX.data().slots().stream()
        .filter(s -> s.status() == SlotStatus.FREE && s.start().isAfter(Instant.now()))
        .skip(n * 41L + 7)
        .findFirst()
        .orElseThrow();
  }

  static Map<String, Object> booking(long patient, SlotRecord slot) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("patientId", patient);
    body.put("cernerDomainId", DOMAIN);
    body.put("slotId", slot.slotId());
    body.put("startTime", slot.start().toString());
    body.put("endTime", slot.end().toString());
    body.put("reason", "Check-up");
    return body;
  }

  static Map<String, Object> vital(
      long patient, String code, String value, String unit, String at) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("patientId", patient);
    body.put("category", "vital-signs");
    body.put("code", code);
    body.put("value", value);
    body.put("unit", unit);
    body.put("status", "final");
    body.put("effectiveTime", at);
    body.put("sendToCerner", true);
    return body;
  }
}
