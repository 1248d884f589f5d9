package com.practicestudio.sandbox.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.data.MergeRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SandboxIdentifiers;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(shared = true)
class PatientSearchIT {

  @InjectSandbox CernerSandbox sandbox;
  SandboxHttp http;
  String token;

  @BeforeEach
  void token() {
    http = new SandboxHttp(sandbox);
    token = http.systemToken("system/Patient.read");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Patient", "Patient?gender=male", "Patient?_count=5", "Patient?foo=bar"})
  void a_search_without_a_supported_required_parameter_answers_400(String query) {
    HttpResponse<String> response = http.fhirGet(query, token);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(response.body()).path("resourceType").asText())
        .isEqualTo("OperationOutcome");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"family=Sm&family=Jo", "name=A&name=B", "email=a@example.com&email=b@example.com"})
  void a_parameter_given_twice_answers_400(String query) {
    assertThat(http.fhirGet("Patient?" + query, token).statusCode()).isEqualTo(400);
  }

  @Test
  void a_birthdate_range_takes_ge_and_le_and_no_time() {
    assertThat(
            http.fhirGet("Patient?birthdate=ge1980-01-01&birthdate=le1980-12-31", token)
                .statusCode())
        .isEqualTo(200);
    assertThat(http.fhirGet("Patient?birthdate=1980-01-01T10:00:00Z", token).statusCode())
        .isEqualTo(400);
  }

  @Test
  void more_than_1000_matches_answer_422() {
    try (CernerSandbox large = CernerSandbox.builder().patients(1100).build().start()) {
      SandboxHttp largeHttp = new SandboxHttp(large);
      String largeToken = largeHttp.systemToken("system/Patient.read");
      HttpResponse<String> response =
          largeHttp.fhirGet("Patient?birthdate=ge1900-01-01", largeToken);
      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(SandboxHttp.json(response.body()).path("resourceType").asText())
          .isEqualTo("OperationOutcome");
    }
    HttpResponse<String> exactlyAThousand = http.fhirGet("Patient?birthdate=ge1900-01-01", token);
    assertThat(exactlyAThousand.statusCode()).isEqualTo(200);
  }

  @Test
  void a_merged_patient_comes_back_inactive_with_a_replaced_by_link_to_the_survivor() {
    MergeRecord merge = sandbox.data().merges().get(0);
    JsonNode patient =
        SandboxHttp.json(http.fhirGet("Patient/" + merge.fromPersonId(), token).body());
    assertThat(patient.path("active").asBoolean()).isFalse();
    assertThat(patient.path("link").get(0).path("type").asText()).isEqualTo("replaced-by");
    assertThat(patient.path("link").get(0).path("other").path("reference").asText())
        .isEqualTo("Patient/" + merge.toPersonId());
  }

  @Test
  void mrn_identifiers_carry_the_v2_0203_mr_type() {
    PatientRecord record = sandbox.data().patients().get(5);
    JsonNode patient = SandboxHttp.json(http.fhirGet("Patient/" + record.personId(), token).body());
    JsonNode mrn = patient.path("identifier").get(0);
    assertThat(mrn.path("value").asText()).isEqualTo(record.mrn());
    assertThat(mrn.path("system").asText()).isEqualTo(SandboxIdentifiers.MRN_SYSTEM);
    assertThat(mrn.path("type").path("coding").toString())
        .contains("\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"")
        .contains("https://fhir.cerner.com/" + sandbox.tenant() + "/codeSet/4");
  }

  @Test
  void patients_are_found_by_mrn_identifier() {
    PatientRecord record = sandbox.data().patients().get(9);
    JsonNode bundle =
        SandboxHttp.json(
            http.fhirGet(
                    "Patient?identifier="
                        + SandboxHttp.encode(SandboxIdentifiers.MRN_SYSTEM + "|" + record.mrn()),
                    token)
                .body());
    assertThat(bundle.path("entry")).hasSize(1);
    assertThat(bundle.path("entry").get(0).path("resource").path("id").asText())
        .isEqualTo(Long.toString(record.personId()));
  }

  @Test
  void search_results_page_through_bundle_link_next_followed_as_given() {
    Set<String> ids = new HashSet<>();
    String url = sandbox.urls().fhirRoot() + "/Patient?family=S&_count=7";
    int pages = 0;
    while (url != null) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Accept", SandboxHttp.FHIR_JSON)
                  .header("Authorization", "Bearer " + token)
                  .build());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode bundle = SandboxHttp.json(response.body());
      bundle.path("entry").forEach(e -> ids.add(e.path("resource").path("id").asText()));
      url = null;
      for (JsonNode link : bundle.path("link")) {
        if (link.path("relation").asText().equals("next")) {
          url = link.path("url").asText();
        }
      }
      pages++;
    }
    long expected =
        sandbox.data().patients().stream().filter(p -> p.name().family().startsWith("S")).count();
    assertThat(ids).hasSize((int) expected);
    assertThat(pages).isEqualTo((int) Math.ceil(expected / 7.0));
  }

  @Test
  void an_unknown_patient_answers_404() {
    assertThat(http.fhirGet("Patient/1", token).statusCode()).isEqualTo(404);
  }
}
