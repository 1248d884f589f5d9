package com.practicestudio.sandbox.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.data.PatientRecord;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The peer's JSON admin API over HTTP, both directions; and what it generates for a patient agrees
 * with what the sandbox's FHIR side serves for that patient.
 */
class Hl7AdminIT {

  static CernerSandbox sandbox;
  static SandboxHttp http;
  TestListener listener;

  @BeforeAll
  static void start() {
    sandbox = CernerSandbox.builder().patients(200).mllpPort(0).build().start();
    http = new SandboxHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void listen() throws Exception {
    listener = new TestListener();
    assertThat(post("/reset", "{}").statusCode()).isEqualTo(200);
  }

  @AfterEach
  void close() {
    listener.close();
  }

  HttpResponse<String> post(String path, String json) {
    return call("POST", path, json);
  }

  HttpResponse<String> call(String method, String path, String json) {
    HttpRequest.BodyPublisher body =
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json.replace('\'', '"'));
    return http.send(
        HttpRequest.newBuilder(URI.create(sandbox.urls().adminBase() + "/hl7" + path))
            .header("Content-Type", "application/json")
            .method(method, body)
            .build());
  }

  static JsonNode json(HttpResponse<String> response) {
    return SandboxHttp.json(response.body());
  }

  @Test
  void a_posted_script_runs_in_the_background_and_reports_each_ack() {
    HttpResponse<String> started =
        post(
            "/runs",
            "{'port': "
                + listener.target().port()
                + ", 'generate': [{'type': 'ADT^A04', 'count': 2}, {'type': 'DFT^P03'}],"
                + " 'inFlight': 2}");
    assertThat(started.statusCode()).isEqualTo(202);
    String id = json(started).get("id").asText();
    JsonNode run = json(call("GET", "/runs/" + id + "?waitMillis=20000", null));
    assertThat(run.get("status").asText()).isEqualTo("DONE");
    assertThat(run.get("planned").asInt()).isEqualTo(3);
    assertThat(run.get("acks").get("AA").asInt()).isEqualTo(3);
    assertThat(run.get("unanswered").asInt()).isZero();
    List<String> types = new ArrayList<>();
    for (JsonNode message : run.get("messages")) {
      types.add(message.get("type").asText());
      assertThat(message.get("ackCode").asText()).isEqualTo("AA");
      assertThat(message.get("ackControlId").asText()).isEqualTo(message.get("controlId").asText());
      assertThat(message.get("ackMillis").isNumber()).isTrue();
      assertThat(message.get("sentAt").asText()).endsWith("Z");
      assertThat(Hl7Message.parse(message.get("message").asText()).controlId())
          .isEqualTo(message.get("controlId").asText());
    }
    assertThat(types).containsExactly("ADT^A04", "ADT^A04", "DFT^P03");
    JsonNode runs = json(call("GET", "/runs", null));
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).has("messages")).isFalse();
    assertThat(call("GET", "/runs/run-999", null).statusCode()).isEqualTo(404);
  }

  @Test
  void a_bad_script_is_refused_with_the_field_named() {
    HttpResponse<String> refused =
        post("/runs", "{'port': 2575, 'generate': [{'type': 'ADT^A04', 'count': 0}]}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("field").asText()).isEqualTo("generate[0].count");
    HttpResponse<String> unknown =
        post("/runs", "{'port': 2575, 'generate': [{'type': 'ADT^A08', 'patients': [1]}]}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).get("error").asText())
        .isEqualTo("patients[0] is not a seeded patient");
    assertThat(post("/runs", "not json").statusCode()).isEqualTo(400);
    assertThat(post("/nowhere", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void the_policy_set_over_http_decides_the_answers_and_received_messages_are_listed() {
    HttpResponse<String> set =
        call(
            "PUT",
            "/policy",
            "{'byType': {'SIU^S12': {'code': 'AE', 'text': 'Slot taken'}},"
                + " 'next': [{'count': 1, 'code': 'AR'}]}");
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(json(set).get("byType").get("SIU^S12").get("code").asText()).isEqualTo("AE");
    assertThat(json(set).get("next").get(0).get("count").asInt()).isEqualTo(1);
    Hl7Peer hl7 = sandbox.hl7();
    Hl7Run run = hl7.send(hl7.listenerTarget(), hl7.generate("SIU^S12", 3));
    assertThat(run.messages()).extracting(SentMessage::ackCode).containsExactly("AR", "AE", "AE");
    assertThat(run.messages().get(1).ackText()).isEqualTo("Slot taken");
    JsonNode received = json(call("GET", "/received?type=SIU%5ES12", null));
    assertThat(received).hasSize(3);
    JsonNode first = received.get(0);
    assertThat(first.get("answer").asText()).isEqualTo("AR");
    assertThat(first.get("controlId").asText()).isEqualTo(run.messages().get(0).controlId());
    assertThat(first.get("fillerAppointmentId").asText()).isNotEmpty();
    assertThat(first.get("placerAppointmentId").asText()).isNotEmpty();
    assertThat(first.get("patientMrn").asText()).isNotEmpty();
    assertThat(first.get("startTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");
    assertThat(json(call("GET", "/received?after=2", null))).hasSize(1);
    JsonNode status = json(call("GET", "", null));
    assertThat(status.get("port").asInt()).isEqualTo(hl7.port());
    assertThat(status.get("received").asInt()).isEqualTo(3);
    assertThat(call("DELETE", "/received", null).statusCode()).isEqualTo(204);
    assertThat(json(call("GET", "/received", null))).isEmpty();
    assertThat(json(call("GET", "/policy", null)).get("byType").has("SIU^S12")).isTrue();
    HttpResponse<String> bad = call("PUT", "/policy", "{'rate': {'fraction': 2, 'code': 'AE'}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("field").asText()).isEqualTo("rate.fraction");
  }

  @Test
  void bookings_are_announced_where_the_notify_endpoint_says() {
    String target = "localhost:" + listener.target().port();
    HttpResponse<String> set = post("/notify", "{'port': " + listener.target().port() + "}");
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(json(set).get("bookingsTo").asText()).isEqualTo(target);
    assertThat(json(call("GET", "", null)).get("bookingsTo").asText()).isEqualTo(target);
    assertThat(sandbox.hl7().bookingsTarget()).contains(listener.target());
    assertThat(call("DELETE", "/notify", null).statusCode()).isEqualTo(204);
    assertThat(json(call("GET", "/notify", null)).get("bookingsTo").isNull()).isTrue();
    assertThat(post("/notify", "{'host': 'x'}").statusCode()).isEqualTo(400);
  }

  @Test
  void generate_previews_messages_without_sending_them() {
    HttpResponse<String> response = post("/generate", "{'type': 'MDM^T02', 'count': 2}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode messages = json(response).get("messages");
    assertThat(messages).hasSize(2);
    for (JsonNode text : messages) {
      Hl7Message message = Hl7Message.parse(text.asText());
      assertThat(message.messageType()).isEqualTo("MDM");
      assertThat(message.segment("TXA")).isPresent();
    }
    assertThat(json(call("GET", "/runs", null))).isEmpty();
  }

  @Test
  void messages_for_a_patient_agree_with_the_fhir_patient() {
    PatientRecord patient =
        sandbox.data().appointments().stream()
            .map(a -> sandbox.data().patient(a.patientId()).orElseThrow())
            .filter(
                p ->
                    sandbox.data().encounters().stream()
                        .anyMatch(e -> e.patientId() == p.personId()))
            .findFirst()
            .orElseThrow();
    String token = http.systemToken("system/Patient.read");
    HttpResponse<String> read = http.fhirGet("Patient/" + patient.personId(), token);
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode fhir = SandboxHttp.json(read.body());
    String fhirMrn = null;
    for (JsonNode identifier : fhir.get("identifier")) {
      for (JsonNode coding : identifier.path("type").path("coding")) {
        if ("MR".equals(coding.path("code").asText())) {
          fhirMrn = identifier.get("value").asText();
        }
      }
    }
    JsonNode name = fhir.get("name").get(0);
    for (String type : List.of("ADT^A08", "ADT^A31", "SIU^S12", "DFT^P03")) {
      JsonNode messages =
          json(post(
                  "/generate",
                  "{'type': '" + type + "', 'patients': [" + patient.personId() + "]}"))
              .get("messages");
      Hl7Message message = Hl7Message.parse(messages.get(0).asText());
      assertThat(message.get("PID-3.1")).as(type).isEqualTo(fhirMrn);
      assertThat(message.get("PID-5.1")).as(type).isEqualTo(name.get("family").asText());
      assertThat(message.get("PID-5.2")).as(type).isEqualTo(name.get("given").get(0).asText());
      assertThat(message.get("PID-7"))
          .as(type)
          .isEqualTo(fhir.get("birthDate").asText().replace("-", ""));
      assertThat(message.get("PID-8"))
          .as(type)
          .isEqualTo(
              fhir.get("gender").asText().substring(0, 1).toUpperCase(java.util.Locale.ROOT));
    }
  }
}
