package com.practicestudio.clinical;

import static com.practicestudio.clinical.EncountersApiIT.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.scheduling.JsonApi;
import com.practicestudio.scheduling.RecordsFixture;
import com.practicestudio.testing.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ObservationsApiIT {

  static final String API = "/api/v1/observations";
  static final long NO_SUCH_ID = 987_654_321_000L;

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired ObservationService service;

  JsonApi api;
  RecordsFixture fixture;
  long patient;

  @BeforeEach
  void setUp() {
    api = JsonApi.admin(http, json);
    fixture = new RecordsFixture(jdbc);
    patient = fixture.patient();
  }

  Map<String, Object> heartRate(String value, String effective) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("patientId", patient);
    body.put("category", "vital-signs");
    body.put("code", "8867-4");
    body.put("display", "Heart rate");
    body.put("value", value);
    body.put("unit", "/min");
    body.put("referenceRange", "60-100");
    body.put("status", "final");
    body.put("effectiveTime", effective);
    return body;
  }

  long encounterOf(long patientId) {
    return jdbc.sql(
            "INSERT INTO encounter (patient_id, encounter_class, status) VALUES (?, 'outpatient',"
                + " 'in-progress') RETURNING id")
        .param(patientId)
        .query(Long.class)
        .single();
  }

  @Test
  void creates_an_observation_with_its_numeric_value_and_cerner_flag() {
    Map<String, Object> body = heartRate("72", "2026-11-19T14:30:00Z");
    body.put("encounterId", encounterOf(patient));
    body.put("performerId", fixture.provider());
    body.put("accession", "ACC-1");
    body.put("orderId", "ORD-1");
    body.put("abnormalFlag", "N");
    body.put("sendToCerner", true);

    JsonApi.Response created = api.post(API, body);
    assertThat(created.status()).isEqualTo(201);
    JsonApi.Response read = api.get(API + "/" + created.id());
    assertThat(read.field("codeSystem")).isEqualTo("http://loinc.org");
    assertThat(read.field("value")).isEqualTo("72");
    assertThat(read.body().get("valueNumeric").decimalValue()).isEqualByComparingTo("72");
    assertThat(read.body().get("sendToCerner").asBoolean()).isTrue();
    assertThat(read.body().get("cernerStatus").isNull()).isTrue();
    assertThat(read.field("accession")).isEqualTo("ACC-1");
    assertThat(read.field("effectiveTime")).isEqualTo("2026-11-19T14:30:00Z");

    service.recordCernerStatus(created.id(), "DELIVERED", "M-12345");
    JsonApi.Response reported = api.get(API + "/" + created.id());
    assertThat(reported.field("cernerStatus")).isEqualTo("DELIVERED");
    assertThat(reported.field("externalId")).isEqualTo("M-12345");
  }

  @ParameterizedTest(name = "value {0} → valueNumeric {1}")
  @CsvSource(
      value = {"7.20, 7.20", "-1, -1", "'<5', ", "positive, ", "1e3, "},
      nullValues = "")
  void value_numeric_is_set_only_for_plain_numbers(String value, String numeric) {
    JsonApi.Response created = api.post(API, heartRate(value, "2026-11-19T14:30:00Z"));
    assertThat(created.status()).isEqualTo(201);
    if (numeric == null) {
      assertThat(created.body().get("valueNumeric").isNull()).isTrue();
    } else {
      // as written in the JSON: scale kept (7.20, not 7.2)
      assertThat(created.raw()).contains("\"valueNumeric\":" + numeric + ",");
    }
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        bad("no patient", b -> b.remove("patientId"), "patientId"),
        bad("unknown patient", b -> b.put("patientId", NO_SUCH_ID), "patientId"),
        bad("unknown encounter", b -> b.put("encounterId", NO_SUCH_ID), "encounterId"),
        bad("unknown performer", b -> b.put("performerId", NO_SUCH_ID), "performerId"),
        bad("no category", b -> b.remove("category"), "category"),
        bad("unknown category", b -> b.put("category", "vitals"), "category"),
        bad("no code", b -> b.remove("code"), "code"),
        bad("LOINC with a wrong check digit", b -> b.put("code", "8867-5"), "code"),
        bad("no status", b -> b.remove("status"), "status"),
        bad("unknown status", b -> b.put("status", "done"), "status"),
        bad("no effective time", b -> b.remove("effectiveTime"), "effectiveTime"),
        bad("effective time not an instant", b -> b.put("effectiveTime", "x"), "effectiveTime"),
        bad(
            "to Cerner with a category it refuses",
            b -> {
              b.put("sendToCerner", true);
              b.put("category", "social-history");
            },
            "category"),
        bad(
            "to Cerner while preliminary",
            b -> {
              b.put("sendToCerner", true);
              b.put("status", "preliminary");
            },
            "status"));
  }

  static Arguments bad(String name, Consumer<Map<String, Object>> change, String field) {
    return Arguments.of(name, change, field);
  }

  @ParameterizedTest(name = "{0} → 400 naming {2}")
  @MethodSource("invalidBodies")
  void an_invalid_observation_is_refused_naming_the_field(
      String name, Consumer<Map<String, Object>> change, String field) {
    Map<String, Object> body = heartRate("72", "2026-11-19T14:30:00Z");
    change.accept(body);
    JsonApi.Response response = api.post(API, body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly(field);
  }

  @Test
  void a_local_code_is_accepted_under_its_own_system() {
    Map<String, Object> body = heartRate("72", "2026-11-19T14:30:00Z");
    body.put("code", "HR-LOCAL");
    body.put("codeSystem", "https://fhir.cerner.com/tenant/codeSet/72");
    assertThat(api.post(API, body).status()).isEqualTo(201);
  }

  @Test
  void the_encounter_must_be_the_same_patients() {
    Map<String, Object> body = heartRate("72", "2026-11-19T14:30:00Z");
    body.put("encounterId", encounterOf(fixture.patient()));
    JsonApi.Response response = api.post(API, body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly("encounterId");
  }

  @Test
  void search_filters_by_patient_code_category_and_time_and_pages() {
    long a = api.post(API, heartRate("70", "2026-11-19T10:00:00Z")).id();
    Map<String, Object> glucose = heartRate("5.4", "2026-11-20T10:00:00Z");
    glucose.put("category", "laboratory");
    glucose.put("code", "2339-0");
    glucose.put("unit", "mmol/L");
    long b = api.post(API, glucose).id();
    long c = api.post(API, heartRate("75", "2026-11-21T10:00:00Z")).id();

    String byPatient = API + "?patientId=" + patient;
    JsonApi.Response first = api.get(byPatient + "&limit=2");
    assertThat(ids(first)).containsExactly(a, b);
    assertThat(ids(api.get(byPatient + "&cursor=" + first.field("next")))).containsExactly(c);
    assertThat(ids(api.get(byPatient + "&code=8867-4"))).containsExactly(a, c);
    assertThat(ids(api.get(byPatient + "&category=laboratory"))).containsExactly(b);
    assertThat(ids(api.get(byPatient + "&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z")))
        .containsExactly(b);
    JsonApi.Response bad = api.get(byPatient + "&category=vitals");
    assertThat(bad.badFields()).containsExactly("category");
  }

  @Test
  void put_replaces_but_keeps_the_cerner_flag_and_checks_the_version() {
    Map<String, Object> body = heartRate("72", "2026-11-19T14:30:00Z");
    long id = api.post(API, body).id();
    body.put("value", "74");
    body.put("status", "corrected");
    body.put("sendToCerner", true);
    body.put("version", 1);
    JsonApi.Response changed = api.put(API + "/" + id, body);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.field("value")).isEqualTo("74");
    assertThat(changed.body().get("sendToCerner").asBoolean()).isFalse();
    assertThat(api.put(API + "/" + id, body).status()).isEqualTo(409);
    assertThat(api.get(API + "/" + NO_SUCH_ID).status()).isEqualTo(404);
  }

  @Test
  void reads_are_audited_as_phi_reads_of_the_patient() {
    long id = api.post(API, heartRate("72", "2026-11-19T14:30:00Z")).id();
    api.get(API + "/" + id);
    api.get(API + "?patientId=" + patient);
    assertThat(PhiReads.of(jdbc, patient, "api:observations")).isEqualTo(2);
  }
}
