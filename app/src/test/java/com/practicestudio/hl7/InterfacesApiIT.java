package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.JsonApi.Answer;
import com.practicestudio.testing.TestUsers;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Interfaces through the API: validation, audit, permissions, and changes without a restart. */
@Hl7IntegrationTest
class InterfacesApiIT {

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;
  @Autowired InterfaceRegistry registry;

  private static String engineerName;
  private static String operatorName;
  private JsonApi engineer;
  private JsonApi operator;

  @BeforeEach
  void users() {
    if (engineerName == null) {
      engineerName = TestUsers.create(users, Role.ENGINEER);
      operatorName = TestUsers.create(users, Role.OPERATOR);
    }
    engineer = new JsonApi(http, json, engineerName, TestUsers.PASSWORD);
    operator = new JsonApi(http, json, operatorName, TestUsers.PASSWORD);
  }

  static String listener(String name, int port) {
    return """
        {"name": "%s", "kind": "listener", "listener": {"port": %d, "bindAddress": "127.0.0.1"}}
        """
        .formatted(name, port);
  }

  @Test
  void the_default_listener_exists_and_shows_its_bound_port() {
    JsonNode items = engineer.get("/api/v1/hl7/interfaces?kind=listener").body().path("items");
    JsonNode def = null;
    for (JsonNode i : items) {
      if (i.path("name").asString().equals("default")) {
        def = i;
      }
    }
    assertThat(def).isNotNull();
    assertThat(def.path("listener").path("port").asInt()).isZero(); // tests bind any free port
    assertThat(def.path("state").path("status").asString()).isEqualTo("listening");
    int bound = def.path("state").path("boundPort").asInt();
    assertThat(bound).isPositive();
    assertThat(registry.boundPort("default")).hasValue(bound);
    assertThat(def.path("listener").path("ackMode").asString()).isEqualTo("original");
    assertThat(def.path("listener").path("ackTiming").asString()).isEqualTo("after-store");
  }

  @Test
  void a_new_listener_listens_at_once_and_starts_with_accept_rules() throws Exception {
    String name = "api-" + Hl7Samples.unique();
    Answer created = engineer.post("/api/v1/hl7/interfaces", listener(name, 0));
    assertThat(created.code()).isEqualTo(201);
    long id = created.body().path("id").asLong();
    int port = created.body().path("state").path("boundPort").asInt();
    assertThat(created.body().path("state").path("status").asString()).isEqualTo("listening");
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.send(Hl7Samples.adt("A04", Hl7Samples.unique(), "M" + Hl7Samples.unique()));
      assertThat(peer.answer(Duration.ofSeconds(10))).contains("MSA|AA|");
    }
    JsonNode rules = engineer.get("/api/v1/hl7/interfaces/" + id + "/rules").body().path("items");
    assertThat(rules).hasSize(5);
    assertThat(rules.get(0).path("action").asString()).isEqualTo("accept");
    assertThat(rules.get(0).path("match").path("messageType").asString()).isEqualTo("ADT");
    assertThat(audits(id, "create")).isEqualTo(1);
  }

  @Test
  void changing_the_port_closes_the_old_one_and_listens_on_the_new_one() throws Exception {
    String name = "move-" + Hl7Samples.unique();
    JsonNode created = engineer.post("/api/v1/hl7/interfaces", listener(name, 0)).body();
    long id = created.path("id").asLong();
    int oldPort = created.path("state").path("boundPort").asInt();
    int newPort = freePort();

    Answer moved = engineer.put("/api/v1/hl7/interfaces/" + id, listener(name, newPort), null);

    assertThat(moved.code()).isEqualTo(200);
    assertThat(moved.body().path("state").path("boundPort").asInt()).isEqualTo(newPort);
    assertThat(moved.body().path("version").asInt()).isEqualTo(2);
    assertThatThrownBy(() -> new MllpPeer(oldPort).close()).isInstanceOf(ConnectException.class);
    try (MllpPeer peer = new MllpPeer(newPort)) {
      peer.send(Hl7Samples.adt("A08", Hl7Samples.unique(), "M" + Hl7Samples.unique()));
      assertThat(peer.answer(Duration.ofSeconds(10))).contains("MSA|AA|");
    }
    String fields =
        jdbc.sql(
                "SELECT detail->>'fields' FROM audit_event WHERE action = 'SETTINGS_CHANGE'"
                    + " AND target_type = 'hl7_interface' AND target_id = ? AND detail->>'operation' = 'update'")
            .param(Long.toString(id))
            .query(String.class)
            .single();
    assertThat(fields).contains("listener.port").doesNotContain("ackMode");
  }

  @Test
  void disabling_a_listener_closes_its_port_and_enabling_reopens_it() throws Exception {
    String name = "toggle-" + Hl7Samples.unique();
    int port = freePort();
    long id =
        engineer.post("/api/v1/hl7/interfaces", listener(name, port)).body().path("id").asLong();
    new MllpPeer(port).close();

    String disabled =
        """
        {"name": "%s", "enabled": false, "listener": {"port": %d, "bindAddress": "127.0.0.1"}}
        """
            .formatted(name, port);
    JsonNode off = engineer.put("/api/v1/hl7/interfaces/" + id, disabled, null).body();
    assertThat(off.path("state").path("status").asString()).isEqualTo("disabled");
    assertThatThrownBy(() -> new MllpPeer(port).close()).isInstanceOf(ConnectException.class);

    JsonNode on =
        engineer.put("/api/v1/hl7/interfaces/" + id, listener(name, port), "\"2\"").body();
    assertThat(on.path("state").path("status").asString()).isEqualTo("listening");
    new MllpPeer(port).close();
  }

  @Test
  void a_change_written_by_another_node_is_picked_up_by_the_refresh() throws Exception {
    String name = "node-" + Hl7Samples.unique();
    int port = freePort();
    long id =
        engineer.post("/api/v1/hl7/interfaces", listener(name, port)).body().path("id").asLong();
    new MllpPeer(port).close();
    // as another node would: change the row and bump the generation, without telling this node
    jdbc.sql("UPDATE hl7_interface SET enabled = false, version = version + 1 WHERE id = ?")
        .param(id)
        .update();
    jdbc.sql("UPDATE hl7_config SET generation = generation + 1").update();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> new MllpPeer(port).close())
                    .isInstanceOf(ConnectException.class));
    assertThat(registry.boundPort(name)).isEmpty();
  }

  @Test
  void a_taken_port_shows_as_failed_with_its_code() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      String name = "clash-" + Hl7Samples.unique();
      String body =
          """
          {"name": "%s", "kind": "listener", "listener": {"port": %d}}
          """
              .formatted(name, taken.getLocalPort());
      JsonNode created = engineer.post("/api/v1/hl7/interfaces", body).body();
      assertThat(created.path("state").path("status").asString()).isEqualTo("failed");
      assertThat(created.path("state").path("errorCode").asString()).isEqualTo("HL7-065");
      engineer.delete("/api/v1/hl7/interfaces/" + created.path("id").asLong());
    }
  }

  @Test
  void bad_settings_are_refused_naming_every_field() {
    String body =
        """
        {"name": "bad name!", "kind": "listener",
         "listener": {"port": 70000, "ackMode": "loud", "ackTiming": "never",
                      "allowlist": ["10.0.0.0/8", "not-an-ip"], "charset": "KLINGON",
                      "maxFrameSize": 10,
                      "tls": {"enabled": true, "keystorePath": "/nowhere/ks.p12", "clientAuth": "maybe"}}}
        """;
    Answer answer = engineer.post("/api/v1/hl7/interfaces", body);
    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.badFields())
        .contains(
            "name",
            "listener.port",
            "listener.ackMode",
            "listener.ackTiming",
            "listener.allowlist[1]",
            "listener.charset",
            "listener.maxFrameSize",
            "listener.tls.keystorePath",
            "listener.tls.clientAuth");
    Answer sender =
        engineer.post(
            "/api/v1/hl7/interfaces",
            """
            {"name": "s-%s", "kind": "sender", "sender": {"port": 0, "retry": {"maxAttempts": 0}}}
            """
                .formatted(Hl7Samples.unique()));
    assertThat(sender.badFields())
        .contains("sender.host", "sender.port", "sender.retry.maxAttempts");
  }

  @Test
  void an_enhanced_listener_needs_a_reply_sender_for_its_application_acks() {
    String name = "enh-" + Hl7Samples.unique();
    Answer refused =
        engineer.post(
            "/api/v1/hl7/interfaces",
            """
            {"name": "%s", "kind": "listener",
             "listener": {"port": 0, "bindAddress": "127.0.0.1", "ackMode": "enhanced"}}
            """
                .formatted(name));
    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.badFields()).containsExactly("listener.replySenderId");
    assertThat(
            jdbc.sql("SELECT count(*) FROM hl7_interface WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void a_sender_keeps_its_password_sealed_and_never_shows_it() throws Exception {
    java.nio.file.Path keystore = java.nio.file.Files.createTempFile("ks", ".p12");
    String name = "out-" + Hl7Samples.unique();
    String body =
        """
        {"name": "%s", "kind": "sender",
         "sender": {"host": "127.0.0.1", "port": 2576,
                    "tls": {"enabled": true, "keystorePath": "%s", "keystorePassword": "s3cret-pass"}}}
        """
            .formatted(name, keystore);
    Answer created = engineer.post("/api/v1/hl7/interfaces", body);
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.text()).doesNotContain("s3cret-pass");
    assertThat(created.body().path("sender").path("tls").path("keystorePasswordSet").asBoolean())
        .isTrue();
    assertThat(created.body().path("sender").path("messageTypes").get(0).asString())
        .isEqualTo("SIU");
    byte[] stored =
        jdbc.sql("SELECT keystore_password FROM hl7_interface WHERE name = ?")
            .param(name)
            .query(byte[].class)
            .single();
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("s3cret-pass");
    engineer.delete("/api/v1/hl7/interfaces/" + created.body().path("id").asLong());
  }

  @Test
  void only_settings_writers_change_interfaces_and_stale_versions_conflict() {
    String name = "perm-" + Hl7Samples.unique();
    assertThat(operator.post("/api/v1/hl7/interfaces", listener(name, 0)).code()).isEqualTo(403);
    assertThat(operator.get("/api/v1/hl7/interfaces").code()).isEqualTo(200);
    long id = engineer.post("/api/v1/hl7/interfaces", listener(name, 0)).body().path("id").asLong();
    assertThat(engineer.put("/api/v1/hl7/interfaces/" + id, listener(name, 0), "\"7\"").code())
        .isEqualTo(409);
    assertThat(
            engineer
                .put("/api/v1/hl7/interfaces/" + id, listener("renamed-" + name, 0), null)
                .badFields())
        .containsExactly("name");
    assertThat(engineer.post("/api/v1/hl7/interfaces", listener(name, 0)).code()).isEqualTo(409);
    assertThat(engineer.delete("/api/v1/hl7/interfaces/" + id).code()).isEqualTo(204);
    assertThat(engineer.get("/api/v1/hl7/interfaces/" + id).code()).isEqualTo(404);
    assertThat(audits(id, "delete")).isEqualTo(1);
  }

  private long audits(long id, String operation) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = 'SETTINGS_CHANGE'"
                + " AND target_type = 'hl7_interface' AND target_id = ? AND detail->>'operation' = ?")
        .params(Long.toString(id), operation)
        .query(Long.class)
        .single();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
