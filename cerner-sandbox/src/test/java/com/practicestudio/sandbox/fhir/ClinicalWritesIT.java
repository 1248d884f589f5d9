package com.practicestudio.sandbox.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.data.DocumentRecord;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(shared = true)
class ClinicalWritesIT {

  @InjectSandbox CernerSandbox sandbox;
  SandboxHttp http;
  String token;
  EncounterRecord encounter;

  @BeforeEach
  void token() {
    http = new SandboxHttp(sandbox);
    token =
        http.systemToken(
            "system/Observation.read system/Observation.write system/DocumentReference.read"
                + " system/DocumentReference.write system/Binary.read");
    encounter = sandbox.data().encounters().get(10);
  }

  @Test
  void an_observation_create_answers_201_with_the_id_in_location_and_an_empty_body() {
    HttpResponse<String> created =
        http.fhirPost("Observation", token, observation("vital-signs", "final"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).isEmpty();
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches(".*/Observation/\\d+.*");
    String id = location.replaceAll(".*/Observation/(\\d+).*", "$1");
    JsonNode stored = SandboxHttp.json(http.fhirGet("Observation/" + id, token).body());
    assertThat(stored.path("code").path("coding").get(0).path("code").asText()).isEqualTo("8302-2");
    assertThat(stored.path("valueQuantity").path("code").asText()).isEqualTo("cm");
  }

  @ParameterizedTest
  @CsvSource({
    "social-history,final",
    "exam,final",
    "vital-signs,preliminary",
    "laboratory,registered"
  })
  void
      an_observation_create_accepts_only_vital_signs_and_laboratory_that_are_final_amended_or_corrected(
          String category, String status) {
    HttpResponse<String> response =
        http.fhirPost("Observation", token, observation(category, status));
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(SandboxHttp.json(response.body()).path("resourceType").asText())
        .isEqualTo("OperationOutcome");
  }

  @ParameterizedTest
  @ValueSource(strings = {"amended", "corrected"})
  void amended_and_corrected_observations_are_accepted(String status) {
    assertThat(http.fhirPost("Observation", token, observation("laboratory", status)).statusCode())
        .isEqualTo(201);
  }

  @Test
  void a_document_reference_create_stores_the_document_and_binary_read_returns_its_content() {
    String text = "Follow-up note written by Practice Studio";
    HttpResponse<String> created =
        http.fhirPost(
            "DocumentReference",
            token,
            document("current", "http://loinc.org", "text/plain", text));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).isEmpty();
    String id =
        created
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceAll(".*/DocumentReference/(\\d+).*", "$1");
    JsonNode reference = SandboxHttp.json(http.fhirGet("DocumentReference/" + id, token).body());
    String binaryUrl = reference.path("content").get(0).path("attachment").path("url").asText();
    assertThat(binaryUrl).isEqualTo(sandbox.urls().fhirRoot() + "/Binary/XR-" + id);

    HttpResponse<String> raw =
        http.send(
            HttpRequest.newBuilder(URI.create(binaryUrl))
                .header("Accept", "text/plain")
                .header("Authorization", "Bearer " + token)
                .build());
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).isEqualTo(text);
    JsonNode binary = SandboxHttp.json(http.fhirGet("Binary/XR-" + id, token).body());
    assertThat(
            new String(
                Base64.getDecoder().decode(binary.path("data").asText()), StandardCharsets.UTF_8))
        .isEqualTo(text);
  }

  @Test
  void binary_read_returns_a_seeded_pdf_as_pdf() {
    DocumentRecord pdf =
        sandbox.data().documents().stream()
            .filter(d -> d.contentType().equals("application/pdf"))
            .findFirst()
            .orElseThrow();
    HttpResponse<byte[]> raw =
        sendBytes(
            HttpRequest.newBuilder(
                    URI.create(sandbox.urls().fhirRoot() + "/Binary/" + pdf.binaryId()))
                .header("Accept", "application/pdf")
                .header("Authorization", "Bearer " + token)
                .build());
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/pdf");
    assertThat(new String(raw.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @ParameterizedTest
  @CsvSource({
    "superseded,http://loinc.org,text/plain",
    "current,http://snomed.info/sct,text/plain",
    "current,http://loinc.org,image/png",
    "current,http://loinc.org,application/msword"
  })
  void a_document_reference_needs_status_current_a_loinc_type_and_an_allowed_mime_type(
      String status, String typeSystem, String mime) {
    HttpResponse<String> response =
        http.fhirPost("DocumentReference", token, document(status, typeSystem, mime, "x"));
    assertThat(response.statusCode()).isEqualTo(422);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/pdf",
        "text/rtf",
        "text/html",
        "application/xml",
        "application/xhtml+xml",
        "text/plain;charset=utf-8"
      })
  void the_allowed_mime_types_are_accepted(String mime) {
    assertThat(
            http.fhirPost(
                    "DocumentReference",
                    token,
                    document("current", "http://loinc.org", mime, "<p>x</p>"))
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void a_document_reference_needs_exactly_one_attachment_with_data() {
    String two = document("current", "http://loinc.org", "text/plain", "a");
    two =
        two.replace(
            "\"content\":[",
            "\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"data\":\"YQ==\"}},");
    assertThat(http.fhirPost("DocumentReference", token, two).statusCode()).isEqualTo(422);
    String noData =
        document("current", "http://loinc.org", "text/plain", "a")
            .replaceAll("\"data\":\"[^\"]*\",?", "");
    assertThat(http.fhirPost("DocumentReference", token, noData).statusCode()).isEqualTo(422);
  }

  private HttpResponse<byte[]> sendBytes(HttpRequest request) {
    try {
      return http.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String observation(String category, String status) {
    return "{\"resourceType\":\"Observation\",\"status\":\""
        + status
        + "\","
        + "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\""
        + category
        + "\"}]}],"
        + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8302-2\",\"display\":\"Body height\"}]},"
        + "\"subject\":{\"reference\":\"Patient/"
        + encounter.patientId()
        + "\"},"
        + "\"encounter\":{\"reference\":\"Encounter/"
        + encounter.encounterId()
        + "\"},"
        + "\"effectiveDateTime\":\"2026-11-20T10:15:00-06:00\","
        + "\"valueQuantity\":{\"value\":172.5,\"unit\":\"cm\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"cm\"}}";
  }

  private String document(String status, String typeSystem, String mime, String content) {
    String data = Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    return "{\"resourceType\":\"DocumentReference\",\"status\":\""
        + status
        + "\","
        + "\"type\":{\"coding\":[{\"system\":\""
        + typeSystem
        + "\",\"code\":\"11506-3\",\"display\":\"Progress note\"}]},"
        + "\"subject\":{\"reference\":\"Patient/"
        + encounter.patientId()
        + "\"},"
        + "\"date\":\"2026-11-20T10:15:00-06:00\","
        + "\"content\":[{\"attachment\":{\"contentType\":\""
        + mime
        + "\",\"data\":\""
        + data
        + "\",\"title\":\"Note\"}}],"
        + "\"context\":{\"encounter\":[{\"reference\":\"Encounter/"
        + encounter.encounterId()
        + "\"}]}}";
  }
}
