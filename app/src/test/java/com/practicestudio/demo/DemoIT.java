package com.practicestudio.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.testing.ServerProcess;
import com.practicestudio.testing.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar practice-studio.jar demo}, as a new user runs it: the built-in sandbox is set up
 * as a Cerner domain and HL7 peer, and data flows both ways through the journal on every road — HL7
 * in (and the batches that follow), FHIR reads in, a booking out over Millennium with its SIU, a
 * vital sign out over FHIR — with nothing in the error queue.
 */
class DemoIT {

  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path dataDir;

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void the_demo_moves_data_both_ways_through_the_journal_without_errors() throws Exception {
    try (ServerProcess server =
        new ServerProcess(
            "demo", dataDir, List.of("--patients=20", "--practice-studio.demo.interval=2s"))) {
      server.start();
      await()
          .atMost(WAIT)
          .until(() -> server.output().contains("Demo: Practice Studio is exchanging data"));
      String summary = server.output();
      assertThat(summary)
          .contains("HL7 from Cerner: 24 messages sent to our listener, 24 accepted")
          .contains("5 Cerner patients imported")
          .contains("Booking: appointment")
          .contains("Vital sign: a heart rate sent to Cerner")
          .doesNotContain("failed (")
          .doesNotContain("refused");

      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                Map<String, Long> counts = counts(server);
                assertThat(counts.getOrDefault("HL7 INBOUND APPLIED", 0L))
                    .as("the first 24 messages and at least one later batch of 3")
                    .isGreaterThanOrEqualTo(27);
                assertThat(counts.getOrDefault("FHIR INBOUND APPLIED", 0L)).isPositive();
                assertThat(counts.getOrDefault("FHIR OUTBOUND DELIVERED", 0L))
                    .as("the vital sign")
                    .isEqualTo(1);
                assertThat(counts.getOrDefault("MILLENNIUM OUTBOUND DELIVERED", 0L))
                    .as("the booking")
                    .isEqualTo(1);
                assertThat(counts.getOrDefault("HL7 OUTBOUND DELIVERED", 0L))
                    .as("the booking's SIU S12 (and S14 once Cerner confirmed), to the sandbox")
                    .isGreaterThanOrEqualTo(1);
              });
      JsonNode stats = stats(server);
      assertThat(stats.path("errorQueue").asLong()).as("nothing failed").isZero();
      assertThat(patientsByMrn(server))
          .as("a patient that came over HL7 and over FHIR is one patient")
          .isNotEmpty()
          .allSatisfy((mrn, ids) -> assertThat(ids).as("patients with one MRN").hasSize(1));
      assertThat(server.output())
          .as("no PHI of the sandbox's patients in the log")
          .doesNotContain("PID|")
          .doesNotContain("birthDate");
    }
  }

  private Map<String, Long> counts(ServerProcess server) throws Exception {
    Map<String, Long> counts = new HashMap<>();
    for (JsonNode c : stats(server).path("counts")) {
      counts.merge(
          c.path("channel").asString()
              + " "
              + c.path("direction").asString()
              + " "
              + c.path("status").asString(),
          c.path("count").asLong(),
          Long::sum);
    }
    return counts;
  }

  /** The ids of the active patients holding each MRN. */
  private Map<String, List<Long>> patientsByMrn(ServerProcess server) throws Exception {
    var answer =
        server.get("/api/v1/patients?limit=200", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    Map<String, List<Long>> byMrn = new HashMap<>();
    for (JsonNode patient : json.readTree(answer.body()).path("items")) {
      if (patient.path("active").asBoolean() && !patient.path("mrn").isNull()) {
        byMrn
            .computeIfAbsent(patient.path("mrn").asString(), m -> new ArrayList<>())
            .add(patient.path("id").asLong());
      }
    }
    return byMrn;
  }

  private JsonNode stats(ServerProcess server) throws Exception {
    var answer = server.get("/api/v1/exchanges/stats", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }
}
