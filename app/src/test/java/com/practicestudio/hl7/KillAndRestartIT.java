package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.testing.ServerProcess;
import com.practicestudio.testing.TestUsers;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real jar under a stream of messages is killed with SIGKILL and restarted: every message that
 * was acknowledged is in the journal, once, and every stored message is then processed exactly once
 * (each ADT^A04 creates its patient: the row ends APPLIED, and there is one patient per MRN sent).
 */
class KillAndRestartIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CONNECTIONS = 4;

  @TempDir Path dataDir;

  @Test
  void every_acknowledged_message_survives_a_kill_9_and_is_processed_once() throws Exception {
    String facility = "K" + Hl7Samples.unique();
    String sender = "KILLTEST^" + facility;
    Set<String> acked = ConcurrentHashMap.newKeySet();
    try (ServerProcess server =
        new ServerProcess(dataDir, List.of("--practice-studio.journal.workers.lease=3s"))) {
      server.start();
      int port = defaultListenerPort(server);
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> senders = new ArrayList<>();
      for (int c = 0; c < CONNECTIONS; c++) {
        int connection = c;
        Thread t = new Thread(() -> stream(port, facility, connection, acked, stop));
        t.start();
        senders.add(t);
      }
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= 400);
      server.kill();
      stop.set(true);
      for (Thread t : senders) {
        t.join(10_000);
      }
      int ackedAtKill = acked.size();

      server.start();
      List<JsonNode> rows = rows(server, sender, null);
      List<String> ids = rows.stream().map(r -> r.path("messageId").asString()).toList();
      assertThat(new HashSet<>(ids)).as("no message stored twice").hasSize(ids.size());
      assertThat(ids).as("every ACKed message is stored").containsAll(acked);
      assertThat(ackedAtKill).isGreaterThanOrEqualTo(400);
      org.slf4j.LoggerFactory.getLogger(KillAndRestartIT.class)
          .info("killed after {} ACKs; {} messages stored", ackedAtKill, ids.size());

      Awaitility.await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(() -> assertThat(rows(server, sender, "APPLIED")).hasSize(ids.size()));
      for (JsonNode row : rows(server, sender, "APPLIED")) {
        assertThat(row.path("attempts").asInt())
            .as("applied once; a row claimed at the kill is re-claimed once")
            .isBetween(1, 2);
      }
      Map<String, Long> patients = patientsByMrn(server);
      assertThat(patients)
          .as("one patient per stored message, none created twice")
          .hasSize(ids.size())
          .allSatisfy((mrn, count) -> assertThat(count).as(mrn).isEqualTo(1L));
      assertThat(patients.keySet())
          .as("every ACKed message's patient exists")
          .containsAll(acked.stream().map(KillAndRestartIT::mrnOf).toList());
    }
  }

  /** Sends one message at a time and records the ones answered AA, until the server dies. */
  private static void stream(
      int port, String facility, int connection, Set<String> acked, AtomicBoolean stop) {
    try (MllpPeer peer = new MllpPeer(port)) {
      for (int i = 0; !stop.get(); i++) {
        String id = "C" + connection + "-" + i;
        peer.send(Hl7Samples.adt("KILLTEST", facility, "A04", id, mrnOf(id)));
        String ack = peer.answer(Duration.ofSeconds(10));
        if (ack.contains("MSA|AA|" + id)) {
          acked.add(id);
        }
      }
    } catch (IOException e) {
      // the server was killed
    }
  }

  /** Control id {@code C<connection>-<n>} carries MRN {@code M<connection>x<n>}. */
  private static String mrnOf(String controlId) {
    return "M" + controlId.substring(1).replace('-', 'x');
  }

  /** The test's patients (all DOE, MRNs as {@link #mrnOf}) counted by MRN. */
  private static Map<String, Long> patientsByMrn(ServerProcess server) throws Exception {
    Map<String, Long> counts = new HashMap<>();
    String cursor = null;
    do {
      String path =
          "/api/v1/patients?lastName=DOE&limit=500"
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode page =
          JSON.readTree(server.get(path, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).body());
      for (JsonNode patient : page.path("items")) {
        String mrn = patient.path("mrn").asString();
        if (mrn.matches("M[0-9]+x[0-9]+")) {
          counts.merge(mrn, 1L, Long::sum);
        }
      }
      cursor =
          page.path("next").isNull() || page.path("next").isMissingNode()
              ? null
              : page.path("next").asString();
    } while (cursor != null);
    return counts;
  }

  private static int defaultListenerPort(ServerProcess server) throws Exception {
    var answer =
        server.get(
            "/api/v1/hl7/interfaces?kind=listener", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    for (JsonNode i : JSON.readTree(answer.body()).path("items")) {
      if (i.path("name").asString().equals("default")) {
        return i.path("state").path("boundPort").asInt();
      }
    }
    throw new AssertionError("no default listener: " + answer.body());
  }

  private static List<JsonNode> rows(ServerProcess server, String sender, String status)
      throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    String cursor = null;
    do {
      String path =
          "/api/v1/exchanges?channel=HL7&limit=500&sender="
              + URLEncoder.encode(sender, StandardCharsets.UTF_8)
              + (status == null ? "" : "&status=" + status)
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode page =
          JSON.readTree(server.get(path, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).body());
      page.path("items").forEach(rows::add);
      cursor =
          page.path("next").isNull() || page.path("next").isMissingNode()
              ? null
              : page.path("next").asString();
    } while (cursor != null);
    return rows;
  }
}
