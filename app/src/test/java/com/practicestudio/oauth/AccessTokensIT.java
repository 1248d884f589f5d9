package com.practicestudio.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.practicestudio.cerner.ClientAuthMethod;
import com.practicestudio.cerner.SandboxDomains;
import com.practicestudio.cerner.SystemAccount;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxUrls;
import com.practicestudio.sandbox.auth.ClientRegistry;
import com.practicestudio.sandbox.auth.RegisteredClient;
import com.practicestudio.sandbox.auth.SmartScope;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The system-account token cache against the sandbox's real authorization server. */
@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(patients = 50)
class AccessTokensIT {

  private static final long DOMAIN = 41;

  @InjectSandbox CernerSandbox sandbox;
  SimpleMeterRegistry meters = new SimpleMeterRegistry();
  SystemAccount account;

  @BeforeEach
  void reset() {
    SandboxDomains.quietSandboxLogs();
    sandbox.faults().reset();
    sandbox.grants().reset();
    account = account(sandbox.systemClientSecret());
  }

  @AfterEach
  void clearFaults() {
    sandbox.faults().reset();
  }

  @Test
  void thirty_two_concurrent_callers_share_one_grant() throws Exception {
    sandbox.faults().latency(tokenPath(), Duration.ofMillis(300));
    AccessTokens tokens = tokens(Clock.systemUTC(), OAuthProperties.defaults());
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<AccessToken>> calls = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return tokens.get(DOMAIN);
                }));
      }
      start.countDown();
      Set<String> values = new java.util.HashSet<>();
      for (Future<AccessToken> call : calls) {
        values.add(call.get().value());
      }
      assertThat(values).hasSize(1);
      assertThat(sandbox.grants().granted("client_credentials")).isEqualTo(1);
      tokens.get(DOMAIN);
      assertThat(sandbox.grants().granted("client_credentials")).isEqualTo(1);
      assertThat(granted("ok")).isEqualTo(1.0);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_token_is_replaced_a_margin_before_it_expires() {
    MutableClock clock = new MutableClock(Instant.now());
    AccessTokens tokens = tokens(clock, OAuthProperties.defaults());

    AccessToken first = tokens.get(DOMAIN);
    assertThat(Duration.between(clock.instant(), first.expiresAt()))
        .isEqualTo(Duration.ofSeconds(570));
    clock.advance(Duration.ofSeconds(509));
    assertThat(tokens.get(DOMAIN).value()).isEqualTo(first.value());
    assertThat(sandbox.grants().granted("client_credentials")).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2)); // 511 s: within the 60 s margin of 570 s
    AccessToken second = tokens.get(DOMAIN);

    assertThat(second.value()).isNotEqualTo(first.value());
    assertThat(sandbox.grants().granted("client_credentials")).isEqualTo(2);
  }

  @Test
  void a_401_from_the_fhir_server_drops_the_token_and_the_call_runs_once_more() {
    AccessTokens tokens = tokens(Clock.systemUTC(), OAuthProperties.defaults());
    String stale = tokens.get(DOMAIN).value();
    revoke(stale);
    AtomicInteger attempts = new AtomicInteger();
    List<String> used = new ArrayList<>();

    int status =
        tokens.call(
            DOMAIN,
            List.of(),
            token -> {
              attempts.incrementAndGet();
              used.add(token);
              return patientRead(token);
            });

    assertThat(status).isEqualTo(200);
    assertThat(attempts).hasValue(2);
    assertThat(used.get(0)).isEqualTo(stale);
    assertThat(used.get(1)).isNotEqualTo(stale);
    assertThat(sandbox.grants().granted("client_credentials")).isEqualTo(2);
  }

  @Test
  void a_second_401_is_not_retried_again() {
    AccessTokens tokens = tokens(Clock.systemUTC(), OAuthProperties.defaults());
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                tokens.call(
                    DOMAIN,
                    List.of(),
                    token -> {
                      attempts.incrementAndGet();
                      throw new TokenRejectedException("401");
                    }))
        .isInstanceOf(TokenRejectedException.class);
    assertThat(attempts).hasValue(2);
  }

  @Test
  void invalidating_an_old_token_keeps_a_newer_one() {
    MutableClock clock = new MutableClock(Instant.now());
    AccessTokens tokens = tokens(clock, OAuthProperties.defaults());
    String old = tokens.get(DOMAIN).value();
    clock.advance(Duration.ofSeconds(520));
    String fresh = tokens.get(DOMAIN).value();

    tokens.invalidate(DOMAIN, List.of(), old);

    assertThat(tokens.get(DOMAIN).value()).isEqualTo(fresh);
    assertThat(sandbox.grants().granted("client_credentials")).isEqualTo(2);
  }

  @Test
  void each_scope_set_has_its_own_token() {
    AccessTokens tokens = tokens(Clock.systemUTC(), OAuthProperties.defaults());

    AccessToken patients = tokens.get(DOMAIN, List.of("system/Patient.read"));
    AccessToken same = tokens.get(DOMAIN, List.of("system/Patient.read"));
    AccessToken both = tokens.get(DOMAIN, List.of("system/Slot.read", "system/Patient.read"));
    AccessToken reordered = tokens.get(DOMAIN, List.of("system/Patient.read", "system/Slot.read"));

    assertThat(same.value()).isEqualTo(patients.value());
    assertThat(patients.scopes()).containsExactly("system/Patient.read");
    assertThat(both.value()).isNotEqualTo(patients.value()).isEqualTo(reordered.value());
    assertThat(sandbox.grants().granted("client_credentials")).isEqualTo(2);
  }

  @Test
  void a_scope_the_client_may_not_have_is_refused_as_invalid_scope() {
    AccessTokens tokens = tokens(Clock.systemUTC(), OAuthProperties.defaults());

    assertThatThrownBy(() -> tokens.get(DOMAIN, List.of("system/Condition.read")))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.error()).isEqualTo(OAuthError.INVALID_SCOPE);
              assertThat(e.getMessage()).startsWith("OAUTH-002").contains("system/Condition.read");
            });
    assertThat(granted("OAUTH-002")).isEqualTo(1.0);
  }

  @Test
  void a_token_without_the_scope_gets_403_from_the_fhir_server() {
    AccessTokens tokens = tokens(Clock.systemUTC(), OAuthProperties.defaults());
    String onlySlots = tokens.get(DOMAIN, List.of("system/Slot.read")).value();

    assertThat(patientRead(onlySlots)).isEqualTo(403);
  }

  @Test
  void a_wrong_secret_is_invalid_client_and_is_never_in_the_message() {
    account = account("not-the-secret-123");
    AccessTokens tokens = tokens(Clock.systemUTC(), OAuthProperties.defaults());

    assertThatThrownBy(() -> tokens.get(DOMAIN))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.error()).isEqualTo(OAuthError.INVALID_CLIENT);
              assertThat(e.getMessage()).startsWith("OAUTH-001").doesNotContain("not-the-secret");
            });
  }

  @Test
  void a_token_endpoint_outage_is_reported_as_unavailable_and_the_next_call_tries_again() {
    AccessTokens tokens = tokens(Clock.systemUTC(), OAuthProperties.defaults());
    sandbox.faults().outage(tokenPath(), Duration.ofSeconds(60));

    assertThatThrownBy(() -> tokens.get(DOMAIN))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.error()).isEqualTo(OAuthError.TOKEN_ENDPOINT_UNAVAILABLE));
    sandbox.faults().reset();

    assertThat(tokens.get(DOMAIN).value()).isNotBlank();
  }

  @Test
  void a_slow_token_endpoint_times_out_by_the_read_timeout() {
    sandbox.faults().latency(tokenPath(), Duration.ofMillis(1500));
    OAuthProperties quick =
        new OAuthProperties(
            Duration.ofSeconds(2),
            Duration.ofMillis(300),
            Duration.ofSeconds(60),
            Duration.ofMinutes(10));
    AccessTokens tokens = tokens(Clock.systemUTC(), quick);

    assertThatThrownBy(() -> tokens.get(DOMAIN))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.error()).isEqualTo(OAuthError.TOKEN_ENDPOINT_TIMEOUT);
              assertThat(e.detail()).contains("reading the answer");
            });
  }

  @Test
  void an_unreachable_token_endpoint_is_reported_as_such() {
    account =
        new SystemAccount(
            DOMAIN,
            "sandbox",
            true,
            "http://127.0.0.1:9/token",
            account.clientId(),
            ClientAuthMethod.CLIENT_SECRET_BASIC,
            account.clientSecret(),
            null,
            account.scopes());
    AccessTokens tokens = tokens(Clock.systemUTC(), OAuthProperties.defaults());

    assertThatThrownBy(() -> tokens.get(DOMAIN))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.error()).isEqualTo(OAuthError.TOKEN_ENDPOINT_UNREACHABLE));
  }

  @Test
  void a_disabled_or_incomplete_domain_gets_no_token() {
    account =
        new SystemAccount(
            DOMAIN,
            "sandbox",
            false,
            account.tokenUrl(),
            account.clientId(),
            ClientAuthMethod.CLIENT_SECRET_BASIC,
            account.clientSecret(),
            null,
            account.scopes());
    assertThatThrownBy(() -> tokens(Clock.systemUTC(), OAuthProperties.defaults()).get(DOMAIN))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.error()).isEqualTo(OAuthError.DOMAIN_DISABLED));

    account =
        new SystemAccount(
            DOMAIN,
            "sandbox",
            true,
            account.tokenUrl(),
            account.clientId(),
            ClientAuthMethod.CLIENT_SECRET_BASIC,
            null,
            null,
            account.scopes());
    assertThatThrownBy(() -> tokens(Clock.systemUTC(), OAuthProperties.defaults()).get(DOMAIN))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.error()).isEqualTo(OAuthError.NOT_CONFIGURED);
              assertThat(e.detail()).contains("no client secret");
            });
  }

  @Test
  void private_key_jwt_gets_a_token_with_a_registered_public_key() throws Exception {
    RSAKey key =
        new RSAKeyGenerator(2048)
            .keyID("k-" + System.nanoTime())
            .algorithm(JWSAlgorithm.RS384)
            .generate();
    String clientId = "key-client-" + System.nanoTime();
    sandbox
        .clients()
        .register(
            RegisteredClient.system(
                    clientId, null, ClientRegistry.allScopes(SmartScope.Context.SYSTEM))
                .withJwks(new JWKSet(key.toPublicJWK())));
    account =
        new SystemAccount(
            DOMAIN,
            "sandbox",
            true,
            sandbox.urls().tokenUrl(),
            clientId,
            ClientAuthMethod.PRIVATE_KEY_JWT,
            null,
            key,
            SandboxDomains.SYSTEM_SCOPES);

    AccessToken token = tokens(Clock.systemUTC(), OAuthProperties.defaults()).get(DOMAIN);

    assertThat(patientRead(token.value())).isEqualTo(200);
  }

  @Test
  void private_key_jwt_with_an_unregistered_key_is_invalid_client() throws Exception {
    RSAKey registered = new RSAKeyGenerator(2048).keyID("a").generate();
    RSAKey other = new RSAKeyGenerator(2048).keyID("a").generate();
    String clientId = "key-client-" + System.nanoTime();
    sandbox
        .clients()
        .register(
            RegisteredClient.system(
                    clientId, null, ClientRegistry.allScopes(SmartScope.Context.SYSTEM))
                .withJwks(new JWKSet(registered.toPublicJWK())));
    account =
        new SystemAccount(
            DOMAIN,
            "sandbox",
            true,
            sandbox.urls().tokenUrl(),
            clientId,
            ClientAuthMethod.PRIVATE_KEY_JWT,
            null,
            other,
            SandboxDomains.SYSTEM_SCOPES);

    assertThatThrownBy(() -> tokens(Clock.systemUTC(), OAuthProperties.defaults()).get(DOMAIN))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_CLIENT));
  }

  private AccessTokens tokens(Clock clock, OAuthProperties settings) {
    return new AccessTokens(
        id -> account, new TokenClient(settings, clock), clock, settings, new TokenMetrics(meters));
  }

  private SystemAccount account(String secret) {
    return new SystemAccount(
        DOMAIN,
        "sandbox",
        true,
        sandbox.urls().tokenUrl(),
        sandbox.systemClientId(),
        ClientAuthMethod.CLIENT_SECRET_BASIC,
        secret,
        null,
        SandboxDomains.SYSTEM_SCOPES);
  }

  private double granted(String outcome) {
    var counter =
        meters
            .find("oauth.token.grants")
            .tag("domain", Long.toString(DOMAIN))
            .tag("outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private String tokenPath() {
    return SandboxUrls.oauthPath(sandbox.tenant()) + "/token";
  }

  private int patientRead(String token) {
    String id = Long.toString(sandbox.data().patients().get(0).personId());
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(sandbox.urls().fhirRoot() + "/Patient?_id=" + id))
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + token)
                .build());
    if (response.statusCode() == 401) {
      throw new TokenRejectedException("the sandbox refused the token");
    }
    return response.statusCode();
  }

  private void revoke(String token) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (sandbox.systemClientId() + ":" + sandbox.systemClientSecret())
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(sandbox.urls().revokeUrl()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
