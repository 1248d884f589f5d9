package com.practicestudio.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.testing.ServerProcess;
import com.practicestudio.testing.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar, as an operator runs it: data survives a clean restart and a kill -9. */
class ServerLifecycleIT {

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
    }
    assertThat(dataDir.resolve("master.key")).exists();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("master.key"))))
        .isEqualTo("rw-------");
  }
}
