package com.practicestudio.sandbox.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(shared = true)
class ServiceRootIT {

  @InjectSandbox CernerSandbox sandbox;
  SandboxHttp http;

  @BeforeEach
  void client() {
    http = new SandboxHttp(sandbox);
  }

  @Test
  void the_service_root_is_r4_slash_tenant_with_the_public_sandbox_tenant_by_default() {
    assertThat(sandbox.urls().fhirRoot()).endsWith("/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d");
    assertThat(http.fhirGet("metadata", null).statusCode()).isEqualTo(200);
  }

  @Test
  void a_wrong_tenant_answers_403_with_an_operation_outcome() {
    String root = sandbox.urls().root() + "/r4/00000000-0000-0000-0000-000000000000/Patient/1";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(root))
                .header("Accept", "application/fhir+json")
                .build());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(SandboxHttp.json(response.body()).path("resourceType").asText())
        .isEqualTo("OperationOutcome");
  }

  @Test
  void discovery_is_at_well_known_smart_configuration() {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(sandbox.urls().fhirRoot() + "/.well-known/smart-configuration"))
                .build());
    JsonNode config = SandboxHttp.json(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(config.path("token_endpoint").asText()).isEqualTo(sandbox.urls().tokenUrl());
    assertThat(config.path("authorization_endpoint").asText())
        .isEqualTo(sandbox.urls().authorizeUrl());
    assertThat(config.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
  }

  @Test
  void the_capability_statement_at_metadata_lists_what_is_served_and_the_oauth_uris() {
    JsonNode statement = SandboxHttp.json(http.fhirGet("metadata", null).body());
    List<String> types = new ArrayList<>();
    statement.path("rest").get(0).path("resource").forEach(r -> types.add(r.path("type").asText()));
    assertThat(types)
        .contains(
            "Patient",
            "Practitioner",
            "Location",
            "Encounter",
            "Appointment",
            "Slot",
            "Schedule",
            "Observation",
            "DocumentReference",
            "Binary");
    JsonNode oauth = statement.path("rest").get(0).path("security").path("extension").get(0);
    assertThat(oauth.path("url").asText())
        .isEqualTo("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
    assertThat(oauth.toString()).contains(sandbox.urls().tokenUrl(), sandbox.urls().authorizeUrl());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "application/json", "application/xml", "text/html"})
  void requests_that_do_not_accept_fhir_json_answer_406(String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.urls().fhirRoot() + "/Patient?family=Sm"));
    if (!accept.isEmpty()) {
      request.header("Accept", accept);
    }
    HttpResponse<String> response = http.send(request.build());
    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(SandboxHttp.json(response.body()).path("resourceType").asText())
        .isEqualTo("OperationOutcome");
  }
}
