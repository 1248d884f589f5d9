package com.practicestudio.sandbox.millennium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(shared = true)
class MillenniumServicesIT {

  @InjectSandbox CernerSandbox sandbox;
  SandboxHttp http;
  String token;

  @BeforeEach
  void token() {
    http = new SandboxHttp(sandbox);
    token = http.systemToken("system/Patient.read system/Appointment.write");
  }

  @Test
  void person_search_takes_a_parameters_body_with_family_and_given_and_answers_a_bundle() {
    PatientRecord patient = sandbox.data().patients().get(20);
    String body =
        "{\"resourceType\":\"Parameters\",\"parameter\":["
            + "{\"name\":\"family\",\"valueString\":\""
            + patient.name().family()
            + "\"},"
            + "{\"name\":\"given\",\"valueString\":\""
            + patient.name().given()
            + "\"}]}";
    HttpResponse<String> response = post("/patient/v1/Patient/search", body, token);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode bundle = SandboxHttp.json(response.body());
    assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
    assertThat(bundle.path("entry").toString()).contains("\"id\":\"" + patient.personId() + "\"");
  }

  @Test
  void person_search_without_family_or_given_answers_400() {
    HttpResponse<String> response =
        post("/patient/v1/Patient/search", "{\"resourceType\":\"Parameters\"}", token);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(response.body()).path("resourceType").asText())
        .isEqualTo("OperationOutcome");
  }

  @Test
  void booking_on_a_slot_books_like_fhir_and_refuses_a_slot_taken() {
    SlotRecord slot =
        sandbox.data().slots().stream()
            .filter(s -> s.status() == SlotStatus.FREE)
            .skip(40)
            .findFirst()
            .orElseThrow();
    String body =
        "{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"participant\":[{\"actor\":"
            + "{\"reference\":\"Patient/"
            + sandbox.data().patients().get(0).personId()
            + "\"},\"status\":\"accepted\"}]}";
    HttpResponse<String> booked =
        post("/scheduling/v1/slots/" + slot.slotId() + "/book", body, token);
    assertThat(booked.statusCode()).isEqualTo(201);
    assertThat(booked.headers().firstValue("Location").orElseThrow()).contains("/Appointment/");
    assertThat(sandbox.data().slot(slot.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.BUSY);
    HttpResponse<String> again =
        post("/scheduling/v1/slots/" + slot.slotId() + "/book", body, token);
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void the_web_services_need_the_same_tokens_and_scopes() {
    HttpResponse<String> anonymous = post("/patient/v1/Patient/search", "{}", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer");
    String readOnly = http.systemToken("system/Patient.read");
    assertThat(post("/scheduling/v1/slots/x/book", "{}", readOnly).statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> post(String path, String body, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.urls().millenniumBase() + path))
            .header("Accept", SandboxHttp.FHIR_JSON)
            .header("Content-Type", SandboxHttp.FHIR_JSON)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build());
  }
}
