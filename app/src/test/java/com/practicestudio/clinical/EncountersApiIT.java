package com.practicestudio.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.scheduling.JsonApi;
import com.practicestudio.scheduling.RecordsFixture;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class EncountersApiIT {

  static final String API = "/api/v1/encounters";
  static final long NO_SUCH_ID = 987_654_321_000L;

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired UserService users;
  @Autowired EncounterService service;

  JsonApi api;
  RecordsFixture fixture;
  long patient;
  long provider;
  long location;

  @BeforeEach
  void setUp() {
    api = JsonApi.admin(http, json);
    fixture = new RecordsFixture(jdbc);
    patient = fixture.patient();
    provider = fixture.provider();
    location = fixture.location("America/Chicago");
  }

  Map<String, Object> body(String fin) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("patientId", patient);
    body.put("fin", fin);
    body.put("finAssigningAuthority", "BAYSTATE");
    body.put("visitNumber", "V-" + fin);
    body.put("encounterClass", "outpatient");
    body.put("status", "in-progress");
    body.put("locationId", location);
    body.put("attendingProviderId", provider);
    body.put("admitTime", "2026-11-19T14:30:00Z");
    body.put("reason", "Chest pain");
    return body;
  }

  static String fin() {
    return "FIN" + RecordsFixture.unique();
  }

  @Test
  void creates_reads_and_replaces_an_encounter() {
    String fin = fin();
    JsonApi.Response created = api.post(API, body(fin));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().getLocation()).hasPath(API + "/" + created.id());

    JsonApi.Response read = api.get(API + "/" + created.id());
    assertThat(read.field("fin")).isEqualTo(fin);
    assertThat(read.field("finAssigningAuthority")).isEqualTo("BAYSTATE");
    assertThat(read.field("encounterClass")).isEqualTo("outpatient");
    assertThat(read.field("admitTime")).isEqualTo("2026-11-19T14:30:00Z");
    assertThat(read.body().get("attendingProviderId").asLong()).isEqualTo(provider);

    Map<String, Object> change = body(fin);
    change.put("status", "finished");
    change.put("dischargeTime", "2026-11-19T18:00:00Z");
    change.put("version", 1);
    JsonApi.Response changed = api.put(API + "/" + created.id(), change);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.field("status")).isEqualTo("finished");
    assertThat(changed.body().get("version").asInt()).isEqualTo(2);
    assertThat(api.put(API + "/" + created.id(), change).status()).isEqualTo(409);

    assertThat(service.findByFin("BAYSTATE", fin)).map(Encounter::id).contains(created.id());
  }

  @Test
  void a_fin_is_unique_per_assigning_authority() {
    String fin = fin();
    assertThat(api.post(API, body(fin)).status()).isEqualTo(201);
    assertThat(api.post(API, body(fin)).status()).isEqualTo(409);
    Map<String, Object> otherAuthority = body(fin);
    otherAuthority.put("finAssigningAuthority", "OTHER");
    assertThat(api.post(API, otherAuthority).status()).isEqualTo(201);
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        bad("no patient", b -> b.remove("patientId"), "patientId"),
        bad("unknown patient", b -> b.put("patientId", NO_SUCH_ID), "patientId"),
        bad("unknown location", b -> b.put("locationId", NO_SUCH_ID), "locationId"),
        bad(
            "unknown attending",
            b -> b.put("attendingProviderId", NO_SUCH_ID),
            "attendingProviderId"),
        bad("no class", b -> b.remove("encounterClass"), "encounterClass"),
        bad("unknown class", b -> b.put("encounterClass", "spa"), "encounterClass"),
        bad("no status", b -> b.remove("status"), "status"),
        bad("unknown status", b -> b.put("status", "open"), "status"),
        bad(
            "discharge before admit",
            b -> b.put("dischargeTime", "2026-11-19T14:00:00Z"),
            "dischargeTime"),
        bad("admit not an instant", b -> b.put("admitTime", "tomorrow"), "admitTime"),
        bad("fin too long", b -> b.put("fin", "9".repeat(101)), "fin"));
  }

  static Arguments bad(String name, Consumer<Map<String, Object>> change, String field) {
    return Arguments.of(name, change, field);
  }

  @ParameterizedTest(name = "{0} → 400 naming {2}")
  @MethodSource("invalidBodies")
  void an_invalid_encounter_is_refused_naming_the_field(
      String name, Consumer<Map<String, Object>> change, String field) {
    Map<String, Object> body = body(fin());
    change.accept(body);
    JsonApi.Response response = api.post(API, body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly(field);
    assertThat(
            jdbc.sql("SELECT count(*) FROM encounter WHERE patient_id = ?")
                .param(patient)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void search_filters_and_pages() {
    String fin = fin();
    long a = api.post(API, body(fin)).id();
    Map<String, Object> later = body(fin());
    later.put("admitTime", "2026-11-21T10:00:00Z");
    later.put("encounterClass", "emergency");
    later.put("externalId", "ENC-" + RecordsFixture.unique());
    long b = api.post(API, later).id();
    long c = api.post(API, body(fin())).id();

    String byPatient = API + "?patientId=" + patient;
    JsonApi.Response first = api.get(byPatient + "&limit=2");
    assertThat(ids(first)).containsExactly(a, b);
    assertThat(ids(api.get(byPatient + "&limit=2&cursor=" + first.field("next"))))
        .containsExactly(c);
    assertThat(ids(api.get(API + "?fin=" + fin))).containsExactly(a);
    assertThat(ids(api.get(API + "?externalId=" + later.get("externalId")))).containsExactly(b);
    assertThat(ids(api.get(byPatient + "&encounterClass=emergency"))).containsExactly(b);
    assertThat(ids(api.get(byPatient + "&from=2026-11-20T00:00:00Z"))).containsExactly(b);
    assertThat(ids(api.get(byPatient + "&to=2026-11-20T00:00:00Z"))).containsExactly(a, c);
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @CsvSource({"status=open, status", "encounterClass=spa, encounterClass", "limit=0, limit"})
  void bad_search_parameters_are_named(String query, String field) {
    JsonApi.Response response = api.get(API + "?" + query);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly(field);
  }

  @Test
  void unknown_ids_answer_404_and_viewers_cannot_write() {
    assertThat(api.get(API + "/" + NO_SUCH_ID).status()).isEqualTo(404);
    assertThat(api.put(API + "/" + NO_SUCH_ID, body(fin())).status()).isEqualTo(404);
    JsonApi viewer = api.as(TestUsers.create(users, Role.VIEWER));
    assertThat(viewer.post(API, body(fin())).status()).isEqualTo(403);
    assertThat(viewer.get(API + "?patientId=" + patient).status()).isEqualTo(200);
  }

  @Test
  void reads_are_audited_as_phi_reads_of_the_patient() {
    long id = api.post(API, body(fin())).id();
    api.get(API + "/" + id);
    api.get(API + "?patientId=" + patient);
    assertThat(PhiReads.of(jdbc, patient, "api:encounters")).isEqualTo(2);
  }

  static List<Long> ids(JsonApi.Response page) {
    assertThat(page.status()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    for (JsonNode item : page.body().get("items")) {
      ids.add(item.get("id").asLong());
    }
    return ids;
  }
}
