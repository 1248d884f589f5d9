package com.practicestudio.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(shared = true)
class SystemAccountTokensIT {

  @InjectSandbox CernerSandbox sandbox;
  SandboxHttp http;

  @BeforeEach
  void client() {
    http = new SandboxHttp(sandbox);
  }

  @Test
  void system_accounts_get_tokens_with_client_credentials_and_http_basic_that_live_570_seconds() {
    HttpResponse<String> response =
        http.tokenRequest("grant_type=client_credentials&scope=system%2FPatient.read");
    JsonNode token = SandboxHttp.json(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.path("expires_in").asInt()).isEqualTo(570);
    assertThat(token.path("scope").asText()).isEqualTo("system/Patient.read");
    assertThat(token.has("refresh_token")).isFalse();
  }

  @Test
  void a_wrong_client_secret_answers_401_invalid_client() {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox.urls().tokenUrl()))
                .header("Authorization", SandboxHttp.basic(sandbox.systemClientId(), "wrong"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=system%2FPatient.read"))
                .build());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(response.body()).path("error").asText())
        .isEqualTo("invalid_client");
  }

  @ParameterizedTest
  @ValueSource(strings = {"system/*.read", "system/Patient.*", "system/*.*", "user/Patient.read"})
  void wildcards_and_scopes_outside_the_registration_are_refused(String scope) {
    HttpResponse<String> response =
        http.tokenRequest("grant_type=client_credentials&scope=" + SandboxHttp.encode(scope));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(response.body()).path("error").asText()).isEqualTo("invalid_scope");
  }

  @Test
  void v2_scopes_grant_exactly_their_letters() {
    String readOnly = http.systemToken("system/Patient.r");
    String searchable = http.systemToken("system/Patient.rs");
    String patientId = Long.toString(sandbox.data().patients().get(0).personId());
    assertThat(http.fhirGet("Patient/" + patientId, readOnly).statusCode()).isEqualTo(200);
    assertThat(http.fhirGet("Patient?_id=" + patientId, readOnly).statusCode()).isEqualTo(403);
    assertThat(http.fhirGet("Patient?_id=" + patientId, searchable).statusCode()).isEqualTo(200);
  }

  @Test
  void a_missing_scope_answers_403_with_an_operation_outcome() {
    String token = http.systemToken("system/Observation.read");
    HttpResponse<String> response = http.fhirGet("Patient?family=Smith", token);
    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode outcome = SandboxHttp.json(response.body());
    assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(outcome.path("issue").get(0).path("severity").asText()).isEqualTo("error");
    assertThat(outcome.path("issue").get(0).path("code").asText()).isEqualTo("forbidden");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bearer not-a-token", "Basic abc"})
  void a_missing_or_bad_token_answers_401_with_www_authenticate(String authorization) {
    HttpRequest.Builder request = http.fhir("Patient?family=Smith", null);
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = http.send(request.GET().build());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .get()
        .asString()
        .startsWith("Bearer realm=\"" + sandbox.urls().fhirRoot() + "\"");
    assertThat(SandboxHttp.json(response.body()).path("resourceType").asText())
        .isEqualTo("OperationOutcome");
  }

  @Test
  void a_token_signed_by_someone_else_answers_401_invalid_token() throws Exception {
    TokenService stranger =
        new TokenService(
            sandbox.clock(),
            () -> "x",
            () -> sandbox.urls().fhirRoot(),
            java.time.Duration.ofMinutes(5));
    String forged =
        stranger.mintAccessToken(
            "intruder", ScopeSet.parse("system/Patient.read"), LaunchContext.NONE);
    HttpResponse<String> response = http.fhirGet("Patient?family=Smith", forged);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"");
  }

  @Test
  void system_accounts_may_authenticate_with_private_key_jwt() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("svc-key").generate();
    sandbox
        .clients()
        .register(
            RegisteredClient.system("key-only-service", null, ScopeSet.parse("system/Patient.read"))
                .withJwks(new JWKSet(key.toPublicJWK())));
    PrivateKeyJWT assertion =
        new PrivateKeyJWT(
            new ClientID("key-only-service"),
            URI.create(sandbox.urls().tokenUrl()),
            JWSAlgorithm.RS256,
            key.toRSAPrivateKey(),
            "svc-key",
            null);
    Map<String, String> form =
        assertion.toParameters().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
    String body =
        "grant_type=client_credentials&scope=system%2FPatient.read"
            + form.entrySet().stream()
                .map(e -> "&" + e.getKey() + "=" + SandboxHttp.encode(e.getValue()))
                .collect(Collectors.joining());
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox.urls().tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(SandboxHttp.json(response.body()).path("access_token").asText()).isNotBlank();
  }

  @Test
  void tokens_granted_are_counted_by_grant_type() {
    long before = sandbox.grants().granted("client_credentials");
    http.systemToken("system/Patient.read");
    assertThat(sandbox.grants().granted("client_credentials")).isEqualTo(before + 1);
  }
}
