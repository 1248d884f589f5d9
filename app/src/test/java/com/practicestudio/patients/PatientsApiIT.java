package com.practicestudio.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.JsonApi.Answer;
import com.practicestudio.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class PatientsApiIT {

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;

  private static String operatorName;
  private static String viewerName;
  private JsonApi operator;
  private JsonApi viewer;

  @BeforeEach
  void users() {
    if (operatorName == null) {
      operatorName = TestUsers.create(users, Role.OPERATOR);
      viewerName = TestUsers.create(users, Role.VIEWER);
    }
    operator = new JsonApi(http, json, operatorName, TestUsers.PASSWORD);
    viewer = new JsonApi(http, json, viewerName, TestUsers.PASSWORD);
  }

  static String patientJson(String mrn, String lastName) {
    return """
        {"mrn": "%s", "externalId": "ext-%s", "firstName": "Ada", "middleName": "B",
         "lastName": "%s", "nameSuffix": "III", "dateOfBirth": "1980-08-11", "gender": "F",
         "ssn": "123-45-6789",
         "identifiers": [{"type": "PI", "value": "pi-%s", "assigningAuthority": "EMPI",
                          "system": "urn:oid:1.2.3"}],
         "address": {"line1": "1 Main St", "city": "Kansas City", "state": "MO",
                     "postalCode": "64116", "country": "US"},
         "phoneHome": "(555) 123-4567", "phoneMobile": "not a phone", "phoneWork": "555.123.4567 x12",
         "email": "ada@example.org", "preferredLanguage": "en", "race": "2106-3",
         "ethnicity": "2186-5", "maritalStatus": "M",
         "coverages": [{"insurerName": "Acme Health", "memberId": "M-1", "planName": "Gold",
                        "relationship": "self", "effectiveDate": "2026-01-01"}]}
        """
        .formatted(mrn, mrn, lastName, mrn);
  }

  private JsonNode create(String mrn, String lastName) {
    Answer created = operator.post("/api/v1/patients", patientJson(mrn, lastName));
    assertThat(created.code()).as(created.text()).isEqualTo(201);
    return created.body();
  }

  @Test
  void creates_a_patient_and_reads_it_back() {
    String mrn = "MRN-" + JsonApi.unique();
    Answer created = operator.post("/api/v1/patients", patientJson(mrn, "Lovelace"));
    assertThat(created.code()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.headers().getLocation()).hasToString("/api/v1/patients/" + id);
    assertThat(created.body().has("ssn")).as("write answers carry no SSN").isFalse();

    Answer read = operator.get("/api/v1/patients/" + id);
    assertThat(read.code()).isEqualTo(200);
    assertThat(read.headers().getETag()).isEqualTo("\"1\"");
    JsonNode p = read.body();
    assertThat(p.get("mrn").asString()).isEqualTo(mrn);
    assertThat(p.get("externalId").asString()).isEqualTo("ext-" + mrn);
    assertThat(p.get("dateOfBirth").asString()).isEqualTo("1980-08-11");
    assertThat(p.get("gender").asString()).isEqualTo("F");
    assertThat(p.get("address").get("postalCode").asString()).isEqualTo("64116");
    assertThat(p.get("phoneHome").asString()).isEqualTo("+15551234567");
    assertThat(p.get("phoneHomeValid").asBoolean()).isTrue();
    assertThat(p.get("phoneMobile").asString()).isEqualTo("not a phone");
    assertThat(p.get("phoneMobileValid").asBoolean()).isFalse();
    assertThat(p.get("phoneWork").asString()).isEqualTo("+15551234567");
    assertThat(p.get("phoneWorkExtension").asString()).isEqualTo("12");
    assertThat(p.get("identifiers")).hasSize(2);
    assertThat(p.get("identifiers").toString()).contains("\"MR\"", "\"EMPI\"", "urn:oid:1.2.3");
    assertThat(p.get("coverages").get(0).get("priority").asInt()).isEqualTo(1);
    assertThat(p.get("coverages").get(0).get("effectiveDate").asString()).isEqualTo("2026-01-01");
    assertThat(p.get("active").asBoolean()).isTrue();
    assertThat(p.get("mergedIntoId").isNull()).isTrue();
    assertThat(p.get("version").asInt()).isEqualTo(1);
    assertThat(p.get("createdAt").asString()).endsWith("Z");
  }

  @Test
  void only_users_allowed_phi_see_the_ssn() {
    long id = create("MRN-" + JsonApi.unique(), "Ssnson").get("id").asLong();
    JsonNode asOperator = operator.get("/api/v1/patients/" + id).body();
    assertThat(asOperator.get("ssn").asString()).isEqualTo("123-45-6789");
    assertThat(asOperator.get("ssnLast4").asString()).isEqualTo("6789");

    Answer asViewer = viewer.get("/api/v1/patients/" + id);
    assertThat(asViewer.code()).isEqualTo(200);
    assertThat(asViewer.body().has("ssn")).isFalse();
    assertThat(asViewer.body().has("ssnLast4")).isFalse();
    assertThat(asViewer.text()).doesNotContain("6789");

    Answer search = viewer.get("/api/v1/patients?lastName=Ssnson");
    assertThat(search.text()).doesNotContain("6789").contains("\"items\"");
  }

  @Test
  void the_ssn_is_sealed_in_the_database() {
    long id = create("MRN-" + JsonApi.unique(), "Sealed").get("id").asLong();
    byte[] raw =
        jdbc.sql("SELECT ssn FROM patient WHERE id = ?").param(id).query(byte[].class).single();
    String asText = new String(raw, StandardCharsets.ISO_8859_1);
    assertThat(asText).doesNotContain("123456789", "123-45-6789", "6789");
    assertThat(raw.length).isGreaterThan(30);
    assertThat(
            jdbc.sql("SELECT ssn_last4 FROM patient WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("6789");
  }

  @Test
  void anonymous_callers_get_401_and_viewers_may_not_write() {
    assertThat(JsonApi.anonymous(http, json).get("/api/v1/patients").code()).isEqualTo(401);
    assertThat(JsonApi.anonymous(http, json).get("/api/v1/patients/1").code()).isEqualTo(401);
    Answer attempt = viewer.post("/api/v1/patients", patientJson("MRN-" + JsonApi.unique(), "V"));
    assertThat(attempt.code()).isEqualTo(403);
  }

  @Test
  void an_unknown_patient_is_404() {
    assertThat(operator.get("/api/v1/patients/999999999").code()).isEqualTo(404);
    assertThat(operator.put("/api/v1/patients/999999999", "{\"lastName\":\"X\"}", null).code())
        .isEqualTo(404);
    assertThat(operator.patch("/api/v1/patients/999999999", "{\"lastName\":\"X\"}", null).code())
        .isEqualTo(404);
    assertThat(operator.post("/api/v1/patients/999999999/merge", "{\"mergedId\":1}").code())
        .isEqualTo(404);
    assertThat(operator.get("/api/v1/patients/999999999/merges").code()).isEqualTo(404);
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("lastName", "{\"firstName\":\"A\"}"),
        Arguments.of("dateOfBirth", "{\"lastName\":\"A\",\"dateOfBirth\":\"08/11/1980\"}"),
        Arguments.of("dateOfBirth", "{\"lastName\":\"A\",\"dateOfBirth\":\"2999-01-01\"}"),
        Arguments.of("gender", "{\"lastName\":\"A\",\"gender\":\"female\"}"),
        Arguments.of(
            "address.postalCode", "{\"lastName\":\"A\",\"address\":{\"postalCode\":\"1234\"}}"),
        Arguments.of("email", "{\"lastName\":\"A\",\"email\":\"not-an-email\"}"),
        Arguments.of("ssn", "{\"lastName\":\"A\",\"ssn\":\"12-345-6789\"}"),
        Arguments.of("primaryProviderId", "{\"lastName\":\"A\",\"primaryProviderId\":999999999}"),
        Arguments.of("primaryProviderId", "{\"lastName\":\"A\",\"primaryProviderId\":\"abc\"}"),
        Arguments.of(
            "identifiers[0].type", "{\"lastName\":\"A\",\"identifiers\":[{\"value\":\"1\"}]}"),
        Arguments.of(
            "coverages[0].insurerName",
            "{\"lastName\":\"A\",\"coverages\":[{\"memberId\":\"1\"}]}"),
        Arguments.of("body", "[1,2]"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badBodies")
  void a_bad_patient_is_refused_naming_the_field(String field, String body) {
    Answer answer = operator.post("/api/v1/patients", body);
    assertThat(answer.code()).as(answer.text()).isEqualTo(400);
    assertThat(answer.headers().getContentType().toString()).startsWith("application/problem+json");
    assertThat(answer.badFields()).containsExactly(field);
  }

  @Test
  void every_bad_field_is_named_in_one_answer_and_nothing_is_written() {
    String last = "Bad" + JsonApi.unique();
    Answer answer =
        operator.post(
            "/api/v1/patients",
            """
            {"lastName": "%s", "dateOfBirth": "1980-13-01", "gender": "Q", "email": "x",
             "ssn": "1", "address": {"postalCode": "ABCDE"}}
            """
                .formatted(last));
    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.badFields())
        .containsExactlyInAnyOrder("dateOfBirth", "gender", "email", "ssn", "address.postalCode");
    assertThat(answer.text()).doesNotContain("ABCDE", last);
    assertThat(
            jdbc.sql("SELECT count(*) FROM patient WHERE last_name = ?")
                .param(last)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void a_duplicate_mrn_external_id_or_identifier_is_a_conflict() {
    String mrn = "MRN-" + JsonApi.unique();
    create(mrn, "First");
    assertThat(
            operator
                .post("/api/v1/patients", "{\"lastName\":\"B\",\"mrn\":\"" + mrn + "\"}")
                .code())
        .isEqualTo(409);
    assertThat(
            operator
                .post("/api/v1/patients", "{\"lastName\":\"B\",\"externalId\":\"ext-" + mrn + "\"}")
                .code())
        .isEqualTo(409);
    Answer identifier =
        operator.post(
            "/api/v1/patients",
            "{\"lastName\":\"B\",\"identifiers\":[{\"type\":\"PI\",\"value\":\"pi-"
                + mrn
                + "\",\"assigningAuthority\":\"EMPI\"}]}");
    assertThat(identifier.code()).isEqualTo(409);
    assertThat(identifier.text()).doesNotContain(mrn);
  }

  @Test
  void put_replaces_every_field_keeps_an_absent_ssn_and_checks_the_version() {
    String mrn = "MRN-" + JsonApi.unique();
    long id = create(mrn, "Before").get("id").asLong();
    String path = "/api/v1/patients/" + id;
    String replacement =
        "{\"mrn\":\"" + mrn + "\",\"lastName\":\"After\",\"gender\":\"M\",\"version\":1}";

    Answer replaced = operator.put(path, replacement, null);
    assertThat(replaced.code()).as(replaced.text()).isEqualTo(200);
    JsonNode p = operator.get(path).body();
    assertThat(p.get("lastName").asString()).isEqualTo("After");
    assertThat(p.get("firstName").isNull()).as("absent is cleared by PUT").isTrue();
    assertThat(p.get("address").isNull()).isTrue();
    assertThat(p.get("coverages")).isEmpty();
    assertThat(p.get("identifiers")).hasSize(1);
    assertThat(p.get("ssn").asString()).as("write-only SSN kept").isEqualTo("123-45-6789");
    assertThat(p.get("version").asInt()).isEqualTo(2);

    assertThat(operator.put(path, replacement, null).code())
        .as("stale body version")
        .isEqualTo(409);
    assertThat(operator.put(path, "{\"lastName\":\"Again\"}", "\"1\"").code())
        .as("stale If-Match")
        .isEqualTo(409);
    assertThat(operator.put(path, "{\"lastName\":\"Again\",\"ssn\":null}", "\"2\"").code())
        .isEqualTo(200);
    JsonNode cleared = operator.get(path).body();
    assertThat(cleared.has("ssn")).isFalse();
    assertThat(cleared.has("ssnLast4")).isFalse();
    assertThat(operator.put(path, "{\"lastName\":\"Again\"}", "not-a-version").badFields())
        .containsExactly("If-Match");
  }

  @Test
  void a_get_put_round_trip_changes_nothing() {
    long id = create("MRN-" + JsonApi.unique(), "Round").get("id").asLong();
    String path = "/api/v1/patients/" + id;
    Answer read = operator.get(path);
    Answer written = operator.put(path, read.text(), read.headers().getETag());
    assertThat(written.code()).as(written.text()).isEqualTo(200);
    assertThat(written.body().get("version").asInt()).as("no change, no new version").isEqualTo(1);
  }

  @Test
  void patch_follows_merge_patch_semantics() {
    long id = create("MRN-" + JsonApi.unique(), "Patchy").get("id").asLong();
    String path = "/api/v1/patients/" + id;
    Answer patched =
        operator.patch(
            path,
            """
            {"email": null, "address": {"city": "St Louis", "postalCode": "63101"},
             "phoneMobile": "(555) 765-4321"}
            """,
            "\"1\"");
    assertThat(patched.code()).as(patched.text()).isEqualTo(200);
    JsonNode p = operator.get(path).body();
    assertThat(p.get("email").isNull()).isTrue();
    assertThat(p.get("address").get("city").asString()).isEqualTo("St Louis");
    assertThat(p.get("address").get("line1").asString())
        .as("untouched member")
        .isEqualTo("1 Main St");
    assertThat(p.get("phoneMobile").asString()).isEqualTo("+15557654321");
    assertThat(p.get("phoneMobileValid").asBoolean()).isTrue();
    assertThat(p.get("firstName").asString()).as("absent member unchanged").isEqualTo("Ada");
    assertThat(p.get("ssn").asString()).isEqualTo("123-45-6789");
    assertThat(p.get("coverages")).hasSize(1);

    assertThat(operator.patch(path, "{\"ssn\": null}", null).code()).isEqualTo(200);
    assertThat(operator.get(path).body().has("ssn")).isFalse();
    assertThat(operator.patch(path, "{\"gender\": \"?\"}", null).badFields())
        .containsExactly("gender");
    assertThat(operator.patch(path, "{\"lastName\": \"Z\"}", "\"1\"").code()).isEqualTo(409);
  }

  @Test
  void writes_are_audited_with_field_names_only() {
    long id = create("MRN-" + JsonApi.unique(), "Audited").get("id").asLong();
    operator.patch("/api/v1/patients/" + id, "{\"lastName\":\"Audited2\"}", null);
    String detail =
        jdbc.sql(
                "SELECT detail::text FROM audit_event WHERE target_type = 'patient'"
                    + " AND target_id = ? AND action = 'RECORD_UPDATE'")
            .param(Long.toString(id))
            .query(String.class)
            .single();
    assertThat(detail).contains("lastName").doesNotContain("Audited2");
  }
}
