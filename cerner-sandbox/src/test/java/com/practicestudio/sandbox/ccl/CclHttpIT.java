package com.practicestudio.sandbox.ccl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SandboxIdentifiers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CclHttpIT {

  static CernerSandbox sandbox;
  static SandboxHttp http;
  static String cclToken;

  @BeforeAll
  static void start() {
    sandbox = CernerSandbox.builder().patients(300).build().start();
    http = new SandboxHttp(sandbox);
    cclToken = http.systemToken("system/ccl.run");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  HttpResponse<String> run(String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.urls().cclBase() + "/run"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build());
  }

  @Test
  void the_mrn_found_through_person_alias_is_the_one_fhir_finds_by_identifier() {
    PatientRecord patient =
        sandbox.data().patients().stream()
            .filter(PatientRecord::active)
            .skip(5)
            .findFirst()
            .orElseThrow();
    HttpResponse<String> response =
        run(
            cclToken,
            """
            {"text": "select p.person_id, pa.alias from person p, person_alias pa\\n \
            plan pa where pa.alias = $mrn and pa.person_alias_type_cd = 10\\n \
            join p where p.person_id = pa.person_id go",
             "parameters": {"$mrn": "%s"}}"""
                .formatted(patient.mrn()));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode reply = SandboxHttp.json(response.body());
    assertThat(reply.at("/status_data/status").asText()).isEqualTo("S");
    assertThat(reply.at("/status_data/subeventstatus/0/OperationStatus").asText()).isEqualTo("S");
    assertThat(reply.at("/columns/0/name").asText()).isEqualTo("PERSON_ID");
    assertThat(reply.at("/columns/0/type").asText()).isEqualTo("F8");
    long personId = reply.at("/rows/0/0").asLong();

    String fhirToken = http.systemToken("system/Patient.read");
    JsonNode bundle =
        SandboxHttp.json(
            http.fhirGet(
                    "Patient?identifier="
                        + SandboxHttp.encode(SandboxIdentifiers.MRN_SYSTEM + "|" + patient.mrn()),
                    fhirToken)
                .body());
    assertThat(bundle.path("entry")).hasSize(1);
    assertThat(bundle.at("/entry/0/resource/id").asText()).isEqualTo(Long.toString(personId));
  }

  @Test
  void a_named_script_runs_by_name_and_zero_rows_answer_Z() {
    JsonNode reply =
        SandboxHttp.json(
            run(cclToken, "{\"script\": \"ps_patient_by_mrn\", \"parameters\": {\"mrn\": \"0\"}}")
                .body());
    assertThat(reply.at("/status_data/status").asText()).isEqualTo("Z");
    assertThat(reply.path("rows")).isEmpty();
    assertThat(reply.path("curqual").asInt()).isZero();
  }

  @Test
  void a_parse_error_answers_F_with_its_line_and_column() {
    HttpResponse<String> response =
        run(
            cclToken,
            "{\"text\": \"select p.person_id\\nfrom person p\\nwhere p.person_id = go\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode reply = SandboxHttp.json(response.body());
    assertThat(reply.at("/status_data/status").asText()).isEqualTo("F");
    JsonNode sub = reply.at("/status_data/subeventstatus/0");
    assertThat(sub.path("OperationName").asText()).isEqualTo("SYNTAX");
    assertThat(sub.path("OperationStatus").asText()).isEqualTo("F");
    assertThat(sub.path("TargetObjectName").asText()).isEqualTo("CCL 3:21");
    assertThat(sub.path("TargetObjectValue").asText())
        .isEqualTo("expected an expression but found go at 3:21");
    assertThat(reply.at("/error/line").asInt()).isEqualTo(3);
    assertThat(reply.at("/error/column").asInt()).isEqualTo(21);
  }

  @Test
  void a_body_that_is_not_a_request_answers_400_with_an_F_reply() {
    HttpResponse<String> response = run(cclToken, "[1, 2]");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(response.body()).at("/status_data/status").asText()).isEqualTo("F");
    assertThat(run(cclToken, "{\"text\": 5}").body()).contains("text must be a string");
    assertThat(run(cclToken, "{\"script\": \"x\", \"parameters\": {\"a\": [1]}}").body())
        .contains("parameters.a must be a string, a number or null");
  }

  @Test
  void the_service_needs_a_token_with_the_ccl_scope() {
    String body = "{\"script\": \"ps_code_values\", \"parameters\": {\"code_set\": 57}}";
    HttpResponse<String> anonymous = run(null, body);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer realm="));
    assertThat(run("not-a-token", body).statusCode()).isEqualTo(401);
    HttpResponse<String> withoutScope = run(http.systemToken("system/Patient.read"), body);
    assertThat(withoutScope.statusCode()).isEqualTo(403);
    assertThat(SandboxHttp.json(withoutScope.body()).at("/status_data/status").asText())
        .isEqualTo("F");
    HttpResponse<String> allowed = run(cclToken, body);
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(SandboxHttp.json(allowed.body()).path("rows")).hasSize(3);
  }

  @Test
  void the_scripts_are_listed() {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox.urls().cclBase() + "/scripts"))
                .header("Authorization", "Bearer " + cclToken)
                .build());
    assertThat(SandboxHttp.json(response.body()).path("scripts").toString())
        .contains("ps_patient_by_mrn", "ps_appointments_by_date", "ps_encounters_by_fin");
  }
}
