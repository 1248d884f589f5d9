package com.practicestudio.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.JsonApi.Answer;
import com.practicestudio.testing.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class PatientSearchAndMergeIT {

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;

  private static String operatorName;
  private JsonApi operator;

  @BeforeEach
  void users() {
    if (operatorName == null) {
      operatorName = TestUsers.create(users, Role.OPERATOR);
    }
    operator = new JsonApi(http, json, operatorName, TestUsers.PASSWORD);
  }

  private long create(String body) {
    Answer created = operator.post("/api/v1/patients", body);
    assertThat(created.code()).as(created.text()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private long create(String mrn, String first, String last, String dob) {
    return create(
        """
        {"mrn": "%s", "externalId": "x-%s", "firstName": "%s", "lastName": "%s",
         "dateOfBirth": "%s", "identifiers": [{"type": "PI", "value": "pi-%s"}]}
        """
            .formatted(mrn, mrn, first, last, dob, mrn));
  }

  private List<Long> ids(Answer page) {
    List<Long> ids = new ArrayList<>();
    page.body().get("items").forEach(p -> ids.add(p.get("id").asLong()));
    return ids;
  }

  private long phiReads(long id) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = 'PHI_READ' AND target_type = 'patient'"
                + " AND target_id = ? AND actor = ? AND detail->>'via' = 'api'")
        .params(Long.toString(id), operatorName)
        .query(Long.class)
        .single();
  }

  @Test
  void searches_by_each_filter() {
    String u = JsonApi.unique();
    String last = "Searchy" + u;
    long a = create("A-" + u, "Ann", last, "1970-01-02");
    long b = create("B-" + u, "Bob", last.toUpperCase(), "1980-03-04");
    long c = create("C-" + u, "Annette", last + "son", "1970-01-02");

    assertThat(ids(operator.get("/api/v1/patients?mrn=A-" + u))).containsExactly(a);
    assertThat(ids(operator.get("/api/v1/patients?externalId=x-B-" + u))).containsExactly(b);
    assertThat(ids(operator.get("/api/v1/patients?lastName=" + last.toLowerCase())))
        .containsExactly(a, b, c);
    assertThat(ids(operator.get("/api/v1/patients?lastName=" + last + "&firstName=ann")))
        .containsExactly(a, c);
    assertThat(ids(operator.get("/api/v1/patients?lastName=" + last + "&dateOfBirth=1970-01-02")))
        .containsExactly(a, c);
    assertThat(ids(operator.get("/api/v1/patients?identifier=PI|pi-C-" + u))).containsExactly(c);
    assertThat(ids(operator.get("/api/v1/patients?identifier=pi-C-" + u))).containsExactly(c);
    assertThat(ids(operator.get("/api/v1/patients?identifier=MR|pi-C-" + u))).isEmpty();
    assertThat(ids(operator.get("/api/v1/patients?lastName=" + last + "%25"))).isEmpty();
  }

  @Test
  void pages_through_results_with_a_cursor() {
    String last = "Pagey" + JsonApi.unique();
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(create("{\"lastName\":\"" + last + "\"}"));
    }
    List<Long> seen = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      Answer page =
          operator.get(
              "/api/v1/patients?lastName="
                  + last
                  + "&limit=2"
                  + (next == null ? "" : "&cursor=" + next));
      assertThat(page.code()).isEqualTo(200);
      seen.addAll(ids(page));
      next = page.body().get("next").isNull() ? null : page.body().get("next").asString();
      pages++;
    } while (next != null);
    assertThat(seen).containsExactlyElementsOf(created);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void bad_search_parameters_are_named() {
    assertThat(operator.get("/api/v1/patients?dateOfBirth=1970-13-01").badFields())
        .containsExactly("dateOfBirth");
    assertThat(operator.get("/api/v1/patients?limit=0").badFields()).containsExactly("limit");
    assertThat(operator.get("/api/v1/patients?cursor=!!!").badFields()).containsExactly("cursor");
  }

  @Test
  void every_patient_read_is_audited_one_row_each() {
    String last = "Audity" + JsonApi.unique();
    long a = create("{\"lastName\":\"" + last + "\"}");
    long b = create("{\"lastName\":\"" + last + "\"}");
    long c = create("{\"lastName\":\"" + last + "\"}");
    assertThat(phiReads(a)).isZero();

    operator.get("/api/v1/patients/" + a);
    assertThat(phiReads(a)).isEqualTo(1);

    operator.get("/api/v1/patients?lastName=" + last);
    assertThat(phiReads(a)).isEqualTo(2);
    assertThat(phiReads(b)).isEqualTo(1);
    assertThat(phiReads(c)).isEqualTo(1);

    operator.get("/api/v1/patients?lastName=" + last + "&limit=1");
    assertThat(phiReads(a)).as("only the patients on the page").isEqualTo(3);
    assertThat(phiReads(b)).isEqualTo(1);
  }

  @Test
  void a_merge_retires_the_merged_record_and_its_mrn_answers_the_survivor() {
    String u = JsonApi.unique();
    long survivor = create("S-" + u, "Sam", "Merger" + u, "1960-05-06");
    long merged =
        create(
            """
            {"mrn": "M-%s", "externalId": "x-M-%s", "lastName": "Merger%s",
             "coverages": [{"insurerName": "Other Insurer", "memberId": "Z9"}]}
            """
                .formatted(u, u, u));

    Answer merge =
        operator.post("/api/v1/patients/" + survivor + "/merge", "{\"mergedId\":" + merged + "}");
    assertThat(merge.code()).as(merge.text()).isEqualTo(200);
    assertThat(merge.body().get("survivorId").asLong()).isEqualTo(survivor);
    assertThat(merge.body().get("source").asString()).isEqualTo("api");
    assertThat(merge.body().get("actor").asString()).isEqualTo(operatorName);

    JsonNode retired = operator.get("/api/v1/patients/" + merged).body();
    assertThat(retired.get("active").asBoolean()).isFalse();
    assertThat(retired.get("mergedIntoId").asLong()).isEqualTo(survivor);

    assertThat(ids(operator.get("/api/v1/patients?mrn=M-" + u))).containsExactly(survivor);
    assertThat(ids(operator.get("/api/v1/patients?externalId=x-M-" + u))).containsExactly(survivor);
    assertThat(ids(operator.get("/api/v1/patients?lastName=Merger" + u))).containsExactly(survivor);
    assertThat(ids(operator.get("/api/v1/patients?lastName=Merger" + u + "&includeMerged=true")))
        .containsExactly(survivor, merged);

    JsonNode kept = operator.get("/api/v1/patients/" + survivor).body();
    assertThat(kept.get("identifiers").toString()).contains("M-" + u, "S-" + u);
    assertThat(kept.get("coverages").get(0).get("insurerName").asString())
        .isEqualTo("Other Insurer");
    assertThat(kept.get("version").asInt()).isEqualTo(2);

    assertThat(operator.get("/api/v1/patients/" + merged + "/merges").body()).hasSize(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM patient_merge WHERE survivor_id = ? AND merged_id = ?")
                .params(survivor, merged)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    Answer replay =
        operator.post("/api/v1/patients/" + survivor + "/merge", "{\"mergedId\":" + merged + "}");
    assertThat(replay.code()).isEqualTo(200);
    assertThat(replay.body().get("id")).isEqualTo(merge.body().get("id"));

    assertThat(
            operator
                .post("/api/v1/patients/" + merged + "/merge", "{\"mergedId\":" + survivor + "}")
                .code())
        .as("a merged record cannot survive")
        .isEqualTo(409);
    assertThat(operator.put("/api/v1/patients/" + merged, "{\"lastName\":\"X\"}", null).code())
        .isEqualTo(409);
  }

  @Test
  void a_bad_merge_request_names_the_field() {
    long a = create("{\"lastName\":\"Lonely\"}");
    assertThat(operator.post("/api/v1/patients/" + a + "/merge", "{}").badFields())
        .containsExactly("mergedId");
    assertThat(
            operator
                .post("/api/v1/patients/" + a + "/merge", "{\"mergedId\":" + a + "}")
                .badFields())
        .containsExactly("mergedId");
    assertThat(
            operator
                .post("/api/v1/patients/" + a + "/merge", "{\"mergedId\":999999999}")
                .badFields())
        .containsExactly("mergedId");
  }
}
