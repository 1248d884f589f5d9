package com.practicestudio.cerner;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The domain settings API against a running sandbox: discovery, secrets, validation, audit. */
@IntegrationTest
class CernerDomainsApiIT {

  @RegisterExtension
  static final CernerSandboxExtension SANDBOXES =
      new CernerSandboxExtension(() -> SandboxDomains.builder().patients(50));

  @InjectSandbox CernerSandbox sandbox;
  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired UserService users;
  @Autowired CernerDomains domains;
  JsonApi admin;

  @BeforeEach
  void setUp() {
    SandboxDomains.quietSandboxLogs();
    admin = new JsonApi(http, json, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
  }

  @Test
  void a_domain_is_created_with_discovered_endpoints_and_its_secret_is_sealed_and_never_shown() {
    String name = SandboxDomains.uniqueName("prod");
    JsonApi.Answer created =
        admin.post("/api/v1/cerner/domains", body(name, sandbox.urls().fhirRoot() + "/"));

    assertThat(created.code()).isEqualTo(201);
    JsonNode domain = created.body();
    assertThat(domain.path("fhirRoot").asString()).isEqualTo(sandbox.urls().fhirRoot());
    assertThat(domain.path("clientSecretSet").asBoolean()).isTrue();
    assertThat(domain.has("clientSecret")).isFalse();
    assertThat(created.text()).doesNotContain(sandbox.systemClientSecret());
    JsonNode discovery = domain.path("discovery");
    assertThat(discovery.path("ok").asBoolean()).isTrue();
    assertThat(discovery.path("tokenUrl").asString()).isEqualTo(sandbox.urls().tokenUrl());
    assertThat(discovery.path("authorizeUrl").asString()).isEqualTo(sandbox.urls().authorizeUrl());
    assertThat(discovery.path("revokeUrl").asString()).isEqualTo(sandbox.urls().revokeUrl());
    assertThat(discovery.path("introspectUrl").asString())
        .isEqualTo(sandbox.urls().introspectUrl());
    assertThat(discovery.path("resources").has("Patient")).isTrue();
    assertThat(domain.path("smartRedirectUri").asString()).endsWith("/smart/callback");
    assertThat(domain.path("features").toString()).contains("fhir-last-updated-search");
    long id = domain.path("id").asLong();
    assertThat(created.headers().getLocation()).hasPath("/api/v1/cerner/domains/" + id);

    byte[] stored =
        jdbc.sql("SELECT client_secret FROM cerner_domain WHERE id = ?")
            .param(id)
            .query(byte[].class)
            .single();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1))
        .doesNotContain(sandbox.systemClientSecret());
    JsonNode read = admin.get("/api/v1/cerner/domains/" + id).body();
    assertThat(read.toString()).doesNotContain(sandbox.systemClientSecret());
    assertThat(admin.get("/api/v1/cerner/domains").text())
        .doesNotContain(sandbox.systemClientSecret());

    String detail = auditDetail(id);
    assertThat(detail).contains("\"create\"", "clientSecret", "fhirRoot", "scopes");
    assertThat(detail).doesNotContain(sandbox.systemClientSecret());
  }

  @Test
  void an_update_names_the_changed_fields_and_keeps_a_secret_left_out() {
    try (CernerSandbox own = SandboxDomains.start()) {
      updateKeepsSecret(own);
    }
  }

  private void updateKeepsSecret(CernerSandbox own) {
    CernerDomain domain =
        domains.create(SandboxDomains.input(own, SandboxDomains.uniqueName("upd")).build());
    ObjectNode change = (ObjectNode) json.readTree(body(domain.name(), domain.fhirRoot()));
    change.remove("clientSecret");
    change.put("timeZone", "America/New_York");
    change.put("millenniumVersion", "2015");

    JsonApi.Answer updated =
        admin.put("/api/v1/cerner/domains/" + domain.id(), change.toString(), null);

    assertThat(updated.code()).isEqualTo(200);
    assertThat(updated.body().path("clientSecretSet").asBoolean()).isTrue();
    assertThat(updated.body().path("features").toString())
        .doesNotContain("fhir-observation-write", "fhir-slot-booking", "millennium-slot-booking")
        .contains("fhir-read", "millennium-person-search");
    String detail = auditDetail(domain.id());
    assertThat(detail).contains("\"update\"", "timeZone", "millenniumVersion");
    assertThat(detail).doesNotContain("clientSecret", "\"name\"");
  }

  @Test
  void bad_fields_are_named_in_a_400_and_nothing_is_stored() {
    String body =
        """
        {"name": "", "fhirRoot": "ftp://example.org", "clientAuth": "magic",
         "scopes": ["system/*.read"], "smartScopes": ["system/Patient.read"],
         "millenniumVersion": "2012", "timeZone": "Mars/Olympus",
         "millenniumServices": ["teleport"], "testPatientId": "no spaces allowed"}
        """;
    long before = count();

    JsonApi.Answer answer = admin.post("/api/v1/cerner/domains", body);

    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.badFields())
        .contains(
            "name",
            "fhirRoot",
            "clientAuth",
            "scopes",
            "smartScopes",
            "millenniumVersion",
            "timeZone",
            "millenniumServices",
            "testPatientId");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void scopes_the_server_does_not_advertise_are_refused_naming_scopes() {
    String body =
        body(SandboxDomains.uniqueName("scopes"), sandbox.urls().fhirRoot())
            .replace("\"system/Patient.read\"", "\"system/Condition.read\"");

    JsonApi.Answer answer = admin.post("/api/v1/cerner/domains", body);

    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.badFields()).containsExactly("scopes");
    assertThat(answer.text()).contains("system/Condition.read", "offers no Condition");
  }

  @Test
  void a_wildcard_scope_is_refused() {
    String body =
        body(SandboxDomains.uniqueName("wild"), sandbox.urls().fhirRoot())
            .replace("\"system/Patient.read\"", "\"system/Patient.*\"");

    JsonApi.Answer answer = admin.post("/api/v1/cerner/domains", body);

    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.badFields()).containsExactly("scopes");
    assertThat(answer.text()).contains("wildcard");
  }

  @Test
  void a_viewer_reads_domains_but_cannot_change_them() {
    String viewer = TestUsers.create(users, Role.VIEWER);
    JsonApi asViewer = new JsonApi(http, json, viewer, TestUsers.PASSWORD);

    assertThat(asViewer.get("/api/v1/cerner/domains").code()).isEqualTo(200);
    assertThat(asViewer.post("/api/v1/cerner/domains", body("x", unreachableRoot())).code())
        .isEqualTo(403);
  }

  @Test
  void a_taken_name_is_a_conflict() {
    CernerDomain domain =
        domains.create(
            SandboxDomains.input(sandbox, SandboxDomains.uniqueName("dup"))
                .fhirRoot(unreachableRoot())
                .build());

    JsonApi.Answer answer =
        admin.post("/api/v1/cerner/domains", body(domain.name().toUpperCase(), unreachableRoot()));

    assertThat(answer.code()).isEqualTo(409);
  }

  @Test
  void generating_a_key_shows_only_its_public_half_and_is_audited() {
    CernerDomain domain =
        domains.create(
            SandboxDomains.input(sandbox, SandboxDomains.uniqueName("key"))
                .fhirRoot(unreachableRoot())
                .build());

    JsonApi.Answer answer = admin.post("/api/v1/cerner/domains/" + domain.id() + "/key", "");

    assertThat(answer.code()).isEqualTo(200);
    JsonNode key = answer.body().path("publicJwks").path("keys").path(0);
    assertThat(key.path("kty").asString()).isEqualTo("RSA");
    assertThat(key.path("kid").asString()).isEqualTo(answer.body().path("keyId").asString());
    assertThat(key.has("d")).isFalse();
    assertThat(answer.text()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    assertThat(auditDetail(domain.id())).contains("generate-key", "privateKey");
  }

  @Test
  void discovery_can_be_run_again_and_a_failure_keeps_the_endpoints() {
    try (CernerSandbox own = SandboxDomains.start()) {
      CernerDomain domain =
          domains.create(SandboxDomains.input(own, SandboxDomains.uniqueName("disc")).build());
      own.faults().outage("/r4/", java.time.Duration.ofSeconds(30));
      JsonApi.Answer failed = admin.post("/api/v1/cerner/domains/" + domain.id() + "/discover", "");
      assertThat(failed.body().path("discovery").path("ok").asBoolean()).isFalse();
      assertThat(failed.body().path("discovery").path("error").asString()).contains("HTTP 503");
      assertThat(failed.body().path("discovery").path("tokenUrl").asString())
          .isEqualTo(own.urls().tokenUrl());
      own.faults().reset();
      JsonApi.Answer again = admin.post("/api/v1/cerner/domains/" + domain.id() + "/discover", "");
      assertThat(again.body().path("discovery").path("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void upsert_by_name_creates_then_updates_one_domain() {
    try (CernerSandbox own = SandboxDomains.start()) {
      String name = SandboxDomains.uniqueName("demo");
      CernerDomain first = domains.upsertByName(SandboxDomains.input(own, name).build());
      CernerDomain second =
          domains.upsertByName(SandboxDomains.input(own, name).timeZone("UTC").build());

      assertThat(second.id()).isEqualTo(first.id());
      assertThat(second.timeZone().getId()).isEqualTo("UTC");
      assertThat(domains.findByFhirRoot(own.urls().fhirRoot() + "/"))
          .map(CernerDomain::id)
          .contains(first.id());
    }
  }

  /** A FHIR root of its own on a port nothing listens on (discovery fails; saved anyway). */
  private static String unreachableRoot() {
    return "http://127.0.0.1:9/r4/" + java.util.UUID.randomUUID();
  }

  private String body(String name, String fhirRoot) {
    return json.writeValueAsString(
        Map.of(
            "name",
            name,
            "fhirRoot",
            fhirRoot,
            "clientId",
            sandbox.systemClientId(),
            "clientSecret",
            sandbox.systemClientSecret(),
            "scopes",
            SandboxDomains.SYSTEM_SCOPES,
            "millenniumBaseUrl",
            sandbox.urls().millenniumBase(),
            "millenniumServices",
            List.of("person-search"),
            "millenniumVersion",
            "2020+",
            "timeZone",
            "America/Chicago"));
  }

  private long count() {
    return jdbc.sql("SELECT count(*) FROM cerner_domain").query(Long.class).single();
  }

  private String auditDetail(long id) {
    return jdbc.sql(
            "SELECT detail::text FROM audit_event WHERE action = 'SETTINGS_CHANGE'"
                + " AND target_type = 'cerner_domain' AND target_id = ? ORDER BY id DESC LIMIT 1")
        .param(Long.toString(id))
        .query(String.class)
        .single();
  }
}
