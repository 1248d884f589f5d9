package com.practicestudio.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.cerner.CernerDomain;
import com.practicestudio.cerner.CernerDomains;
import com.practicestudio.cerner.SandboxDomains;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientInput;
import com.practicestudio.patients.PatientService;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.auth.RegisteredClient;
import com.practicestudio.sandbox.auth.ScopeSet;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.testing.Browser;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.TestUsers;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SMART launches driven in headless Chromium: the console user signs in, launches (EHR launch with
 * a launch id the sandbox minted, or standalone with the sandbox's patient picker), passes Cerner's
 * authorize endpoint and lands on the patient in the console.
 */
@IntegrationTest
class SmartLaunchIT {

  static final String APP_SCOPES = "launch openid fhirUser offline_access patient/Patient.read";

  @RegisterExtension
  static final CernerSandboxExtension SANDBOXES =
      new CernerSandboxExtension(() -> SandboxDomains.builder().patients(60));

  @InjectSandbox CernerSandbox sandbox;
  @LocalServerPort int port;
  @Autowired CernerDomains domains;
  @Autowired PatientService patients;
  @Autowired SmartTokens smartTokens;
  @Autowired JdbcClient jdbc;
  @Autowired Crypto crypto;

  String appId;
  String appSecret;
  CernerDomain domain;

  @BeforeEach
  void setUp() {
    SandboxDomains.quietSandboxLogs();
    domain = domains.findByFhirRoot(sandbox.urls().fhirRoot()).orElse(null);
    appId = "practice-studio-smart";
    appSecret = "smart-secret-" + sandbox.port();
    if (domain == null) {
      sandbox
          .clients()
          .register(
              RegisteredClient.confidentialApp(
                  appId,
                  appSecret,
                  ScopeSet.parse("launch launch/patient " + APP_SCOPES.replace("launch ", "")),
                  List.of(URI.create("http://localhost:" + port + "/smart/callback"))));
      domain =
          domains.create(
              SandboxDomains.input(sandbox, SandboxDomains.uniqueName("smart"))
                  .smartApp(appId, appSecret, List.of(APP_SCOPES.split(" ")))
                  .build());
    }
  }

  @Test
  void an_ehr_launch_opens_the_linked_patient_and_keeps_a_refresh_token_that_works()
      throws Exception {
    EncounterRecord encounter = sandbox.data().encounters().get(0);
    String cernerId = Long.toString(encounter.patientId());
    Patient local = localPatient(cernerId);
    String launch = sandbox.mintLaunch(cernerId, Long.toString(encounter.encounterId()));
    String user = TestUsers.ADMIN;
    smartTokens.forget(domain.id(), user);

    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(user, TestUsers.ADMIN_PASSWORD);
      browser.open(
          "/smart/launch?iss=" + encode(sandbox.urls().fhirRoot() + "/") + "&launch=" + launch);
      browser.waitForText(By.id("patient-name"), local.lastName());
      assertThat(browser.driver().getCurrentUrl()).endsWith("/patients/" + local.id());

      browser.open("/smart/callback?state=" + UUID.randomUUID() + "&code=whatever");
      browser.waitForText(By.id("smart-error"), "OAUTH-012");
    }

    assertThat(smartTokens.authorized(domain.id(), user)).isTrue();
    long refreshes = sandbox.grants().granted("refresh_token");
    AccessToken fromLaunch = smartTokens.get(domain.id(), user);
    assertThat(sandbox.grants().granted("refresh_token")).isEqualTo(refreshes);
    smartTokens.invalidate(domain.id(), user, fromLaunch.value());
    AccessToken refreshed = smartTokens.get(domain.id(), user);
    assertThat(sandbox.grants().granted("refresh_token")).isEqualTo(refreshes + 1);
    assertThat(refreshed.value()).isNotEqualTo(fromLaunch.value());
    assertThat(fhirRead("Patient/" + cernerId, refreshed.value())).isEqualTo(200);
    assertThat(audited()).contains("\"launch\": \"ehr\"", "\"patientInContext\": true");

    revoke(storedRefreshToken(user));
    smartTokens.invalidate(domain.id(), user, refreshed.value());
    assertThatThrownBy(() -> smartTokens.get(domain.id(), user))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT));
    assertThat(smartTokens.authorized(domain.id(), user)).isFalse();
  }

  @Test
  void a_standalone_launch_uses_the_patient_picker_and_offers_to_import_an_unlinked_patient() {
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
      browser.open("/smart/launch?domain=" + domain.id());
      WebElement picker = browser.waitFor(By.id("patient"));
      String chosen = unlinkedOption(new Select(picker));
      new Select(picker).selectByValue(chosen);
      browser.driver().findElement(By.id("choose")).click();

      browser.waitFor(By.id("smart-unlinked"));
      assertThat(browser.driver().findElement(By.id("cerner-patient")).getText()).isEqualTo(chosen);
      assertThat(browser.driver().findElement(By.id("import-patient")).getAttribute("href"))
          .endsWith("/cerner/domains/" + domain.id() + "/patients/" + chosen);
    }
  }

  @Test
  void the_authorization_request_carries_pkce_s256_state_aud_and_the_launch() throws Exception {
    HttpResponse<String> answer =
        console("/smart/launch?iss=" + encode(sandbox.urls().fhirRoot()) + "&launch=L-1");

    assertThat(answer.statusCode()).isEqualTo(302);
    URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(sandbox.urls().authorizeUrl() + "?");
    Map<String, String> query = query(location);
    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", appId)
        .containsEntry("aud", sandbox.urls().fhirRoot())
        .containsEntry("launch", "L-1")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("redirect_uri", "http://localhost:" + port + "/smart/callback");
    assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(32);
    assertThat(query.get("scope").split(" ")).contains("launch", "openid", "patient/Patient.read");
  }

  @Test
  void an_ehr_launch_from_an_unknown_server_gets_a_clear_error_page() throws Exception {
    HttpResponse<String> answer =
        console("/smart/launch?iss=" + encode("https://fhir.example.org/r4/unknown") + "&launch=x");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("OAUTH-013", "no Cerner domain is configured");
  }

  @Test
  void a_callback_without_the_session_cookie_bounces_once_then_explains() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String callback = "http://localhost:" + port + "/smart/callback?state=s&code=c";

    HttpResponse<String> first =
        http.send(
            HttpRequest.newBuilder(URI.create(callback)).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> second =
        http.send(
            HttpRequest.newBuilder(URI.create(callback + "&bounce=1")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("http-equiv=\"refresh\"", "bounce=1");
    assertThat(first.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(second.body()).contains("OAUTH-012");
  }

  private Patient localPatient(String cernerId) {
    return patients
        .findByExternalId(cernerId)
        .orElseGet(
            () ->
                patients.create(
                    PatientInput.builder()
                        .externalId(cernerId)
                        .name(
                            "Ada",
                            null,
                            "Launch" + JsonApi.unique().replaceAll("[^a-z]", "x"),
                            null)
                        .dateOfBirth(LocalDate.of(1970, 1, 2))
                        .gender("F")
                        .build()));
  }

  private String unlinkedOption(Select picker) {
    for (WebElement option : picker.getOptions()) {
      String value = option.getAttribute("value");
      if (patients.findByExternalId(value).isEmpty()) {
        return value;
      }
    }
    throw new IllegalStateException("every listed patient is linked");
  }

  private HttpResponse<String> console(String path) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private int fhirRead(String path, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(sandbox.urls().fhirRoot() + "/" + path))
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private String storedRefreshToken(String user) {
    byte[] sealed =
        jdbc.sql(
                "SELECT refresh_token FROM smart_authorization WHERE domain_id = ?"
                    + " AND lower(username) = lower(?)")
            .params(domain.id(), user)
            .query(byte[].class)
            .single();
    return crypto.openText(sealed, "smart_authorization.refresh_token");
  }

  private void revoke(String token) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((appId + ":" + appSecret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox.urls().revokeUrl()))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + encode(token)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
  }

  private String audited() {
    return jdbc.sql(
            "SELECT detail::text FROM audit_event WHERE action = 'SMART_LAUNCH'"
                + " AND target_id = ? ORDER BY id DESC LIMIT 1")
        .param(Long.toString(domain.id()))
        .query(String.class)
        .single();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
