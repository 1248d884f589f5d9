package com.practicestudio.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(shared = true)
class SmartLaunchIT {

  static final String ALLOWED =
      "launch launch/patient offline_access online_access patient/Patient.read"
          + " patient/Observation.read patient/Observation.write user/Patient.read";

  @InjectSandbox CernerSandbox sandbox;
  SmartApp app;
  SandboxHttp http;

  @BeforeEach
  void register() {
    app = new SmartApp(sandbox, ALLOWED);
    http = new SandboxHttp(sandbox);
  }

  @Test
  void an_ehr_launch_carries_the_patient_and_encounter_of_the_launch_id() {
    EncounterRecord encounter = sandbox.data().encounters().get(3);
    String patient = Long.toString(encounter.patientId());
    HttpResponse<String> minted =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox.urls().adminBase() + "/launch"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"patient\":\""
                            + patient
                            + "\",\"encounter\":\""
                            + encounter.encounterId()
                            + "\"}"))
                .build());
    String launch = SandboxHttp.json(minted.body()).path("launch").asText();
    Map<String, String> params = app.authorizeParameters("launch patient/Patient.read", "st-1");
    params.put("launch", launch);

    HttpResponse<String> redirect = app.authorize(params);
    assertThat(redirect.statusCode()).isEqualTo(302);
    Map<String, String> answer = SmartApp.redirectParameters(redirect);
    assertThat(answer.get("state")).isEqualTo("st-1");
    JsonNode token = SandboxHttp.json(app.exchange(answer.get("code"), app.verifier).body());

    assertThat(token.path("patient").asText()).isEqualTo(patient);
    assertThat(token.path("encounter").asText()).isEqualTo(Long.toString(encounter.encounterId()));
    String access = token.path("access_token").asText();
    assertThat(http.fhirGet("Patient/" + patient, access).statusCode()).isEqualTo(200);
    String other = Long.toString(otherPatient(encounter.patientId()).personId());
    assertThat(http.fhirGet("Patient/" + other, access).statusCode()).isEqualTo(403);
  }

  @Test
  void a_standalone_launch_lets_the_user_pick_the_patient_in_a_form() {
    HttpResponse<String> page =
        app.authorize(app.authorizeParameters("launch/patient patient/Patient.read", "st-2"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form id=\"choose-form\"", "<select id=\"patient\"");
    String requestId = value(page.body(), "name=\"request\" value=\"([^\"]+)\"");
    String patient = value(page.body(), "<option value=\"(\\d+)\"");

    HttpResponse<String> chosen =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox.urls().authorizeUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "request=" + requestId + "&patient=" + patient))
                .build());
    assertThat(chosen.statusCode()).isEqualTo(302);
    Map<String, String> answer = SmartApp.redirectParameters(chosen);
    assertThat(answer.get("state")).isEqualTo("st-2");
    JsonNode token = SandboxHttp.json(app.exchange(answer.get("code"), app.verifier).body());
    assertThat(token.path("patient").asText()).isEqualTo(patient);
  }

  @Test
  void pkce_must_use_s256() {
    Map<String, String> params = app.authorizeParameters("user/Patient.read", "st-3");
    params.put("code_challenge_method", "plain");
    params.put("code_challenge", app.verifier);
    Map<String, String> answer = SmartApp.redirectParameters(app.authorize(params));
    assertThat(answer.get("error")).isEqualTo("invalid_request");
    assertThat(answer.get("state")).isEqualTo("st-3");
  }

  @Test
  void a_wrong_code_verifier_is_refused() {
    Map<String, String> answer =
        SmartApp.redirectParameters(
            app.authorize(app.authorizeParameters("user/Patient.read", "s")));
    HttpResponse<String> exchange =
        app.exchange(answer.get("code"), "not-the-verifier-at-all-00000000000000000000000");
    assertThat(exchange.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(exchange.body()).path("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void aud_must_be_the_fhir_root() {
    Map<String, String> params = app.authorizeParameters("user/Patient.read", "st-4");
    params.put("aud", "https://fhir.example.org/r4/other");
    Map<String, String> answer = SmartApp.redirectParameters(app.authorize(params));
    assertThat(answer.get("error")).isEqualTo("invalid_request");
    assertThat(answer.get("error_description")).contains("aud");
  }

  @Test
  void state_is_required() {
    Map<String, String> params = app.authorizeParameters("user/Patient.read", "x");
    params.remove("state");
    assertThat(SmartApp.redirectParameters(app.authorize(params)).get("error"))
        .isEqualTo("invalid_request");
  }

  @Test
  void an_unregistered_redirect_uri_gets_an_error_page_not_a_redirect() {
    Map<String, String> params = app.authorizeParameters("user/Patient.read", "st-5");
    params.put("redirect_uri", "https://attacker.example.com/callback");
    HttpResponse<String> response = app.authorize(params);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void a_refresh_does_not_rotate_the_refresh_token() {
    JsonNode first = app.launch(app.authorizeParameters("offline_access user/Patient.read", "r"));
    String refresh = first.path("refresh_token").asText();
    assertThat(refresh).isNotBlank();
    HttpResponse<String> refreshed =
        app.tokenForm(
            "grant_type=refresh_token&refresh_token="
                + SandboxHttp.encode(refresh)
                + "&client_id="
                + app.clientId);
    JsonNode second = SandboxHttp.json(refreshed.body());
    assertThat(refreshed.statusCode()).isEqualTo(200);
    assertThat(second.path("refresh_token").asText()).isEqualTo(refresh);
    assertThat(second.path("access_token").asText())
        .isNotEqualTo(first.path("access_token").asText());
    String patient = Long.toString(sandbox.data().patients().get(0).personId());
    assertThat(
            http.fhirGet("Patient/" + patient, second.path("access_token").asText()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void introspection_and_revocation_work_on_access_and_refresh_tokens() {
    JsonNode token = app.launch(app.authorizeParameters("offline_access user/Patient.read", "i"));
    String access = token.path("access_token").asText();
    String refresh = token.path("refresh_token").asText();
    assertThat(introspect(access).path("active").asBoolean()).isTrue();
    assertThat(introspect(access).path("scope").asText()).contains("user/Patient.read");

    revoke(access);
    revoke(refresh);

    assertThat(introspect(access).path("active").asBoolean()).isFalse();
    assertThat(introspect(refresh).path("active").asBoolean()).isFalse();
    String patient = Long.toString(sandbox.data().patients().get(0).personId());
    assertThat(http.fhirGet("Patient/" + patient, access).statusCode()).isEqualTo(401);
  }

  private JsonNode introspect(String token) {
    return SandboxHttp.json(
        http.send(
                HttpRequest.newBuilder(URI.create(sandbox.urls().introspectUrl()))
                    .header(
                        "Authorization",
                        SandboxHttp.basic(sandbox.systemClientId(), sandbox.systemClientSecret()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + SandboxHttp.encode(token)))
                    .build())
            .body());
  }

  private void revoke(String token) {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox.urls().revokeUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "token=" + SandboxHttp.encode(token) + "&client_id=" + app.clientId))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  private PatientRecord otherPatient(long not) {
    return sandbox.data().patients().stream()
        .filter(p -> p.personId() != not)
        .findFirst()
        .orElseThrow();
  }

  private static String value(String html, String regex) {
    Matcher match = Pattern.compile(regex).matcher(html);
    assertThat(match.find()).isTrue();
    return match.group(1);
  }
}
