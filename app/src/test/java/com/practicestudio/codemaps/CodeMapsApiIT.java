package com.practicestudio.codemaps;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.JsonApi.Answer;
import com.practicestudio.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class CodeMapsApiIT {

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired UserService users;
  @Autowired CodeMaps codeMaps;
  @Autowired JdbcClient jdbc;

  private static String engineerName;
  private static String operatorName;
  private JsonApi engineer;
  private JsonApi operator;

  @BeforeEach
  void users() {
    if (engineerName == null) {
      engineerName = TestUsers.create(users, Role.ENGINEER);
      operatorName = TestUsers.create(users, Role.OPERATOR);
    }
    engineer = new JsonApi(http, json, engineerName, TestUsers.PASSWORD);
    operator = new JsonApi(http, json, operatorName, TestUsers.PASSWORD);
  }

  private long mappingChanges(long id) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = 'MAPPING_CHANGE'"
                + " AND target_type = 'code_map' AND target_id = ?")
        .param(Long.toString(id))
        .query(Long.class)
        .single();
  }

  @Test
  void the_seeded_defaults_translate_cerner_codes_both_ways() {
    assertThat(codeMaps.translate(CodeMapKind.GENDER, "57", "Female")).contains("F");
    assertThat(
            codeMaps.translate(
                CodeMapKind.GENDER,
                "https://fhir.cerner.com/ec2458f2-1e24-41c8-b71b-0e701af7583d/codeSet/57",
                "MALE"))
        .contains("M");
    assertThat(codeMaps.translate(CodeMapKind.GENDER, "HL70001", "A")).contains("O");
    assertThat(codeMaps.translate(CodeMapKind.LANGUAGE, "36", "CD:151")).contains("en");
    assertThat(codeMaps.translate(CodeMapKind.MARITAL_STATUS, "38", "CD:309239")).contains("S");
    assertThat(codeMaps.translate(CodeMapKind.MARITAL_STATUS, "codeSet/38", "309237"))
        .contains("M");
    assertThat(codeMaps.translate(CodeMapKind.RACE, "HL70005", "2106-3")).contains("2106-3");
    assertThat(codeMaps.translate(CodeMapKind.ETHNICITY, "0189", "H")).contains("2135-2");
    assertThat(codeMaps.translate(CodeMapKind.APPOINTMENT_STATUS, "14233", "checked in"))
        .contains("checked-in");
    assertThat(codeMaps.translate(CodeMapKind.APPOINTMENT_STATUS, "HL70278", "Noshow"))
        .contains("noshow");
    assertThat(codeMaps.translate(CodeMapKind.APPOINTMENT_TYPE, "14249", "5038369"))
        .contains("follow-up");
    assertThat(codeMaps.translate(CodeMapKind.GENDER, "57", "Klingon")).isEmpty();

    assertThat(codeMaps.toCerner(CodeMapKind.MARITAL_STATUS, "38", "M")).contains("309237");
    assertThat(codeMaps.toCerner(CodeMapKind.MARITAL_STATUS, "HL70002", "L")).contains("E");
    assertThat(
            codeMaps.toCerner(CodeMapKind.GENDER, "http://hl7.org/fhir/administrative-gender", "F"))
        .contains("female");
    assertThat(codeMaps.toCerner(CodeMapKind.APPOINTMENT_STATUS, "HL70278", "booked"))
        .contains("Booked");
  }

  @Test
  void creates_updates_and_deletes_a_mapping_auditing_each_change_and_translating_at_once() {
    String code = "Office Visit " + JsonApi.unique();
    Answer created =
        engineer.post(
            "/api/v1/code-maps",
            """
            {"kind": "appointment-type", "codeSystem": "https://fhir.cerner.com/t/codeSet/14249",
             "code": "%s", "value": "office-visit", "display": "Office Visit"}
            """
                .formatted(code));
    assertThat(created.code()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.body().get("codeSystem").asString()).isEqualTo("14249");
    assertThat(created.body().get("kind").asString()).isEqualTo("appointment-type");
    assertThat(codeMaps.translate(CodeMapKind.APPOINTMENT_TYPE, "14249", code))
        .contains("office-visit");

    Answer updated =
        engineer.put(
            "/api/v1/code-maps/" + id,
            """
            {"kind": "appointment-type", "codeSystem": "14249", "code": "%s", "value": "new-patient"}
            """
                .formatted(code),
            null);
    assertThat(updated.code()).isEqualTo(200);
    assertThat(codeMaps.translate(CodeMapKind.APPOINTMENT_TYPE, "14249", code))
        .contains("new-patient");
    assertThat(engineer.get("/api/v1/code-maps/" + id).body().get("value").asString())
        .isEqualTo("new-patient");

    String detail =
        jdbc.sql(
                "SELECT detail::text FROM audit_event WHERE action = 'MAPPING_CHANGE'"
                    + " AND target_id = ? AND detail->>'change' = 'update'")
            .param(Long.toString(id))
            .query(String.class)
            .single();
    assertThat(detail).contains("\"before\"", "office-visit", "\"after\"", "new-patient");

    assertThat(engineer.delete("/api/v1/code-maps/" + id).code()).isEqualTo(204);
    assertThat(engineer.get("/api/v1/code-maps/" + id).code()).isEqualTo(404);
    assertThat(codeMaps.translate(CodeMapKind.APPOINTMENT_TYPE, "14249", code)).isEmpty();
    assertThat(mappingChanges(id)).isEqualTo(3);
  }

  @Test
  void lists_and_filters_mappings_with_paging() {
    Answer gender = operator.get("/api/v1/code-maps?kind=gender&codeSystem=HL70001&limit=2");
    assertThat(gender.code()).isEqualTo(200);
    assertThat(gender.body().get("items")).hasSize(2);
    assertThat(gender.body().get("next").isNull()).isFalse();
    Answer rest =
        operator.get(
            "/api/v1/code-maps?kind=gender&codeSystem=0001&limit=100&cursor="
                + gender.body().get("next").asString());
    assertThat(rest.body().get("items").size()).isEqualTo(4);
    assertThat(
            operator
                .get("/api/v1/code-maps?kind=Gender&code=FEMALE&codeSystem=57")
                .body()
                .get("items"))
        .hasSize(1);
    assertThat(operator.get("/api/v1/code-maps?kind=nonsense").badFields()).containsExactly("kind");
    JsonNode t =
        operator.get("/api/v1/code-maps/translate?kind=language&codeSystem=36&code=CD:151").body();
    assertThat(t.get("value").asString()).isEqualTo("en");
  }

  @Test
  void changes_need_the_mappings_permission() {
    String body = "{\"kind\":\"gender\",\"codeSystem\":\"57\",\"code\":\"X\",\"value\":\"U\"}";
    assertThat(operator.post("/api/v1/code-maps", body).code()).isEqualTo(403);
    assertThat(operator.delete("/api/v1/code-maps/1").code()).isEqualTo(403);
    assertThat(JsonApi.anonymous(http, json).get("/api/v1/code-maps").code()).isEqualTo(401);
  }

  @Test
  void a_bad_mapping_is_refused_naming_the_fields_and_a_duplicate_is_a_conflict() {
    Answer bad =
        engineer.post(
            "/api/v1/code-maps",
            "{\"kind\":\"gender\",\"codeSystem\":\" \",\"code\":\"x\",\"value\":\"Q\"}");
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.badFields()).containsExactlyInAnyOrder("codeSystem", "value");
    assertThat(engineer.post("/api/v1/code-maps", "{\"kind\":\"colour\"}").badFields())
        .containsExactlyInAnyOrder("kind", "codeSystem", "code", "value");
    assertThat(
            engineer
                .post(
                    "/api/v1/code-maps",
                    "{\"kind\":\"location\",\"codeSystem\":\"220\",\"code\":\"CLINIC\",\"value\":\"999999\"}")
                .badFields())
        .containsExactly("value");
    Answer duplicate =
        engineer.post(
            "/api/v1/code-maps",
            "{\"kind\":\"gender\",\"codeSystem\":\"57\",\"code\":\"FEMALE\",\"value\":\"F\"}");
    assertThat(duplicate.code()).isEqualTo(409);
    assertThat(
            engineer
                .put(
                    "/api/v1/code-maps/999999999",
                    "{\"kind\":\"gender\",\"codeSystem\":\"57\",\"code\":\"q\",\"value\":\"F\"}",
                    null)
                .code())
        .isEqualTo(404);
  }

  @Test
  void imports_good_rows_reports_bad_ones_by_line_and_round_trips_through_export() {
    String scope = "site-" + JsonApi.unique();
    String csv =
        """
        kind,scope,codeSystem,code,value,display,preferred
        gender,%1$s,57,Femme,F,Female,true
        gender,%1$s,57,Homme,Q,Male,false
        colour,%1$s,57,Red,R,,
        language,%1$s,36,Klingon,tlh,Klingon,maybe
        language,%1$s,codeSet/36,Deutsch,de,German,
        """
            .formatted(scope);
    Answer report =
        engineer.call(
            HttpMethod.POST, "/api/v1/code-maps/import", csv, MediaType.valueOf("text/csv"), null);
    assertThat(report.code()).as(report.text()).isEqualTo(200);
    assertThat(report.body().get("inserted").asInt()).isEqualTo(2);
    assertThat(report.body().get("errors").toString())
        .contains(
            "\"line\":3",
            "\"field\":\"value\"",
            "\"line\":4",
            "\"field\":\"kind\"",
            "\"line\":5",
            "\"field\":\"preferred\"");
    assertThat(codeMaps.translate(CodeMapKind.GENDER, scope, "57", "femme")).contains("F");
    assertThat(codeMaps.translate(CodeMapKind.GENDER, "57", "femme")).as("scoped only").isEmpty();

    Answer exported = engineer.get("/api/v1/code-maps/export?kind=language");
    assertThat(exported.headers().getContentType().toString()).startsWith("text/csv");
    assertThat(exported.text()).startsWith("kind,scope,codeSystem,code,value,display,preferred");
    assertThat(exported.text()).contains("language," + scope + ",36,Deutsch,de,German,false");

    // the export read back as a multipart upload changes nothing
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new ByteArrayResource(exported.text().getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "code-maps.csv";
          }
        });
    Answer again =
        engineer.call(
            HttpMethod.POST, "/api/v1/code-maps/import", form, MediaType.MULTIPART_FORM_DATA, null);
    assertThat(again.code()).as(again.text()).isEqualTo(200);
    assertThat(again.body().get("inserted").asInt()).isZero();
    assertThat(again.body().get("updated").asInt()).isZero();
    assertThat(again.body().get("unchanged").asInt()).isGreaterThan(40);
    assertThat(again.body().get("errors")).isEmpty();

    String changed = "kind,scope,codeSystem,code,value\nlanguage," + scope + ",36,deutsch,de-AT\n";
    Answer update =
        engineer.call(
            HttpMethod.POST,
            "/api/v1/code-maps/import",
            changed,
            MediaType.valueOf("text/csv"),
            null);
    assertThat(update.body().get("updated").asInt()).isEqualTo(1);
    assertThat(codeMaps.translate(CodeMapKind.LANGUAGE, scope, "36", "Deutsch")).contains("de-AT");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'MAPPING_CHANGE'"
                        + " AND detail->>'change' = 'import' AND detail::text LIKE ?")
                .param("%" + scope + "%")
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void an_import_without_a_header_or_a_file_names_the_file() {
    assertThat(
            engineer
                .call(
                    HttpMethod.POST,
                    "/api/v1/code-maps/import",
                    "gender,57,F,F\n",
                    MediaType.valueOf("text/csv"),
                    null)
                .badFields())
        .containsExactly("file");
    assertThat(
            engineer
                .call(
                    HttpMethod.POST,
                    "/api/v1/code-maps/import",
                    "",
                    MediaType.valueOf("text/csv"),
                    null)
                .badFields())
        .containsExactly("file");
  }
}
