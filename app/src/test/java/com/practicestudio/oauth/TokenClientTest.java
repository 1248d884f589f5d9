package com.practicestudio.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.practicestudio.cerner.ClientAuthMethod;
import com.practicestudio.cerner.SystemAccount;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenClientTest {

  static final URI TOKEN_URL = URI.create("https://authorization.example.org/tenants/t/token");
  static final Instant NOW = Instant.parse("2026-11-19T14:30:00Z");

  final TokenClient client =
      new TokenClient(OAuthProperties.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void a_client_assertion_is_signed_rs384_with_the_key_id_and_lives_five_minutes()
      throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("key-7").generate();
    SystemAccount account = keyAccount(key);

    PrivateKeyJWT first = (PrivateKeyJWT) client.systemAuthentication(account, TOKEN_URL);
    PrivateKeyJWT second = (PrivateKeyJWT) client.systemAuthentication(account, TOKEN_URL);

    var jwt = first.getClientAssertion();
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS384);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("key-7");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("svc");
    assertThat(claims.getSubject()).isEqualTo("svc");
    assertThat(claims.getAudience()).containsExactly(TOKEN_URL.toString());
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(Duration.between(NOW, claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(second.getClientAssertion().getJWTClaimsSet().getJWTID())
        .isNotEqualTo(claims.getJWTID());
    assertThat(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey())))
        .isTrue();
  }

  @Test
  void a_secret_goes_in_an_http_basic_header() {
    SystemAccount account =
        new SystemAccount(
            1,
            "d",
            true,
            TOKEN_URL.toString(),
            "svc",
            ClientAuthMethod.CLIENT_SECRET_BASIC,
            "s3cret",
            null,
            List.of("system/Patient.read"));

    assertThat(client.systemAuthentication(account, TOKEN_URL))
        .isInstanceOf(ClientSecretBasic.class);
    assertThat(account.toString()).doesNotContain("s3cret");
  }

  @Test
  void secrets_and_tokens_never_print() {
    AccessToken token =
        new AccessToken("eyJ.secret.value", NOW, java.util.Set.of("system/Patient.read"));
    assertThat(token.toString()).doesNotContain("eyJ.secret.value");
    assertThat(new OAuthException(OAuthError.INVALID_CLIENT, "HTTP 401").getMessage())
        .isEqualTo(
            "OAUTH-001 the token endpoint refused the client credentials (invalid_client): HTTP 401");
  }

  @Test
  void cerner_naming_a_wrong_tenant_only_in_error_uri_is_said_plainly() throws Exception {
    String answer =
        "{\"error\": \"invalid_grant\", \"error_uri\": \"https://authorization.cerner.com/errors/"
            + "urn%3Acerner%3Aerror%3Aauthorization-server%3Aoauth2%3Atoken%3Ainvalid-tenant/instances/1\"}";
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/token",
        exchange -> {
          byte[] body = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(400, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      SystemAccount account =
          new SystemAccount(
              1,
              "d",
              true,
              "http://127.0.0.1:" + server.getAddress().getPort() + "/token",
              "svc",
              ClientAuthMethod.CLIENT_SECRET_BASIC,
              "s3cret",
              null,
              List.of("system/Patient.read"));

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> client.clientCredentials(account, account.scopes()))
          .isInstanceOfSatisfying(
              OAuthException.class,
              e -> {
                assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT);
                assertThat(e.detail()).contains("HTTP 400", "tenant id in the token URL is wrong");
              });
    } finally {
      server.stop(0);
    }
  }

  private static SystemAccount keyAccount(RSAKey key) {
    return new SystemAccount(
        1,
        "d",
        true,
        TOKEN_URL.toString(),
        "svc",
        ClientAuthMethod.PRIVATE_KEY_JWT,
        null,
        key,
        List.of("system/Patient.read"));
  }
}
