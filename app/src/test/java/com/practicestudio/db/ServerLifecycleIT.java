package com.practicestudio.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.testing.ServerProcess;
import com.practicestudio.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar, as an operator runs it: data survives a clean restart and a kill -9. */
class ServerLifecycleIT {

  private static final String SSN = "219-09-9999";

  @TempDir Path dataDir;

  @Test
  void data_survives_a_restart_and_a_kill_9() throws Exception {
    String userJson =
        "{\"username\":\"survivor\",\"password\":\""
            + TestUsers.PASSWORD
            + "\",\"role\":\"VIEWER\"}";
    try (ServerProcess server = new ServerProcess(dataDir, List.of())) {
      server.start();
      assertThat(
              server
                  .postJson("/api/v1/users", userJson, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                  .statusCode())
          .isEqualTo(201);

      server.kill();
      // the embedded PostgreSQL outlived its owner; the next start must take it over cleanly
      server.start();
      assertThat(server.get("/api/v1/tokens", "survivor", TestUsers.PASSWORD).statusCode())
          .isEqualTo(200);

      assertThat(server.stop()).isIn(0, 143);
      assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();

      server.start();
      assertThat(server.get("/api/v1/tokens", "survivor", TestUsers.PASSWORD).statusCode())
          .isEqualTo(200);
      assertThat(server.output()).doesNotContain(TestUsers.ADMIN_PASSWORD);

      var patient =
          server.postJson(
              "/api/v1/patients",
              "{\"lastName\":\"Plaintextcheck\",\"firstName\":\"Ann\",\"dateOfBirth\":\"1980-02-03\","
                  + "\"gender\":\"F\",\"ssn\":\""
                  + SSN
                  + "\"}",
              TestUsers.ADMIN,
              TestUsers.ADMIN_PASSWORD);
      assertThat(patient.statusCode()).as(patient.body()).isEqualTo(201);
      assertThat(server.stop()).isIn(0, 143);
    }
    // a clean stop flushes everything PostgreSQL holds to its files: none may hold a secret
    assertThat(filesContaining(dataDir, SSN)).isEmpty();
    assertThat(filesContaining(dataDir, SSN.replace("-", ""))).isEmpty();
    assertThat(filesContaining(dataDir, TestUsers.ADMIN_PASSWORD)).isEmpty();
    assertThat(filesContaining(dataDir, TestUsers.PASSWORD)).isEmpty();
    assertThat(dataDir.resolve("master.key")).exists();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("master.key"))))
        .isEqualTo("rw-------");
  }

  /**
   * A SIGTERM (how systemd and Docker stop a server) must stop the listeners, the journal's workers
   * and the node's heartbeat while their database is still up, and the database last. The embedded
   * PostgreSQL library's own shutdown hook used to stop it at once, beside Spring's: every
   * connection then ended with "terminating connection due to administrator command" (57P01) in the
   * middle of the server's shutdown.
   */
  @Test
  void a_stop_stops_the_database_last() throws Exception {
    try (ServerProcess server = new ServerProcess(dataDir, List.of())) {
      server.start();
      Thread.sleep(1_500); // a few rounds of the dispatcher and the heartbeat

      assertThat(server.stop()).isIn(0, 143);

      String log = server.output();
      assertThat(log).contains("Embedded PostgreSQL stopped");
      assertThat(log).doesNotContain("57P01", "terminating connection", " ERROR ");
      assertThat(log.lastIndexOf("Embedded PostgreSQL stopped"))
          .isGreaterThan(log.lastIndexOf("Journal workers stopped"));
    }
  }

  private static List<Path> filesContaining(Path root, String secret) throws Exception {
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(f -> contains(read(f), needle)).toList();
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      return new byte[0];
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
