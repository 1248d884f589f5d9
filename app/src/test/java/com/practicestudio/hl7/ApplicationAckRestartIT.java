package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.testing.ServerProcess;
import com.practicestudio.testing.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real jar receives enhanced-mode messages asking for application ACKs (MSH-16 AL), answers
 * each with its commit ACK, and is killed (SIGKILL) before it applies any of them (its workers are
 * off). Restarted on the same database with workers on, it applies them and sends each message's
 * application ACK exactly once: one journal row per message, one ACK delivered to the peer.
 */
class ApplicationAckRestartIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MESSAGES = 5;
  private static final Duration QUIET = Duration.ofSeconds(4);

  @TempDir Path dataDir;

  @Test
  void application_acks_owed_when_the_server_was_killed_are_sent_once_after_the_restart()
      throws Exception {
    List<String> ids = new ArrayList<>();
    try (ReceivingPeer peer = new ReceivingPeer()) {
      try (ServerProcess receiving =
          new ServerProcess(
              dataDir,
              List.of(
                  "--practice-studio.journal.workers.enabled=false",
                  "--practice-studio.hl7.application-ack-interval=300ms"))) {
        receiving.start();
        int port = createInterfaces(receiving, peer.port());
        try (MllpPeer mllp = new MllpPeer(port)) {
          for (int i = 0; i < MESSAGES; i++) {
            String id = Hl7Samples.unique();
            mllp.send(
                Hl7Samples.withHeaderFields(
                    Hl7Samples.adt("A04", id, "R" + Hl7Samples.unique()), "AL", "AL"));
            assertThat(mllp.answer(Duration.ofSeconds(15))).contains("MSA|CA|" + id);
            ids.add(id);
          }
        }
        assertThat(peer.poll(Duration.ofSeconds(1))).as("nothing applied yet").isNull();
        receiving.kill();
      }

      try (ServerProcess restarted =
          new ServerProcess(
              dataDir, List.of("--practice-studio.hl7.application-ack-interval=300ms"))) {
        restarted.start();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
          Hl7Message ack = peer.next(Duration.ofSeconds(60));
          assertThat(ack.get("MSA-1")).isEqualTo("AA");
          acknowledged.add(ack.get("MSA-2"));
        }
        assertThat(peer.poll(QUIET)).as("no second application ACK").isNull();
        assertThat(acknowledged).containsExactlyInAnyOrderElementsOf(ids);

        for (String id : ids) {
          JsonNode inbound = single(rows(restarted, "INBOUND", "CERNER^HOSP", id));
          assertThat(inbound.path("status").asString()).isEqualTo("APPLIED");
          long parent = inbound.path("id").asLong();
          List<JsonNode> acks =
              rows(restarted, "OUTBOUND", "PRACTICE_STUDIO", null).stream()
                  .filter(r -> r.path("parentId").asLong() == parent)
                  .toList();
          assertThat(acks).as("application ACK rows of " + id).hasSize(1);
          assertThat(acks.get(0).path("messageType").asString()).isEqualTo("ACK^A04");
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      single(rows(restarted, "OUTBOUND", "PRACTICE_STUDIO", null, parent))
                          .path("status")
                          .asString()
                          .equals("DELIVERED"));
        }
      }
    }
  }

  /** A reply sender to the peer and an enhanced listener answering through it; the port. */
  private static int createInterfaces(ServerProcess server, int peerPort) throws Exception {
    String suffix = Hl7Samples.unique();
    JsonNode sender =
        created(
            server,
            """
            {"name": "s-%s", "kind": "sender",
             "sender": {"host": "127.0.0.1", "port": %d, "messageTypes": ["ACK"]}}
            """
                .formatted(suffix, peerPort));
    JsonNode listener =
        created(
            server,
            """
            {"name": "l-%s", "kind": "listener",
             "listener": {"port": 0, "bindAddress": "127.0.0.1", "ackMode": "enhanced",
                          "replySenderId": %d}}
            """
                .formatted(suffix, sender.path("id").asLong()));
    String name = listener.path("name").asString();
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> boundPort(server, name), p -> p > 0);
  }

  private static JsonNode created(ServerProcess server, String body) throws Exception {
    HttpResponse<String> answer =
        server.postJson("/api/v1/hl7/interfaces", body, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return JSON.readTree(answer.body());
  }

  private static int boundPort(ServerProcess server, String name) throws Exception {
    var answer =
        server.get(
            "/api/v1/hl7/interfaces?kind=listener", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    for (JsonNode i : JSON.readTree(answer.body()).path("items")) {
      if (i.path("name").asString().equals(name)) {
        return i.path("state").path("boundPort").asInt();
      }
    }
    return 0;
  }

  private static JsonNode single(List<JsonNode> rows) {
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private static List<JsonNode> rows(
      ServerProcess server, String direction, String sender, String messageId) throws Exception {
    return rows(server, direction, sender, messageId, null);
  }

  /** Journal rows through the API, filtered here by message id and parent when given. */
  private static List<JsonNode> rows(
      ServerProcess server, String direction, String sender, String messageId, Long parent)
      throws Exception {
    String path =
        "/api/v1/exchanges?channel=HL7&limit=500&direction="
            + direction
            + "&sender="
            + URLEncoder.encode(sender, StandardCharsets.UTF_8);
    JsonNode page =
        JSON.readTree(server.get(path, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).body());
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode row : page.path("items")) {
      boolean idMatches = messageId == null || row.path("messageId").asString().equals(messageId);
      boolean parentMatches = parent == null || row.path("parentId").asLong() == parent;
      if (idMatches && parentMatches) {
        rows.add(row);
      }
    }
    return rows;
  }
}
