package com.practicestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.testing.AdminCommand;
import com.practicestudio.testing.ServerProcess;
import com.practicestudio.testing.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin commands of the real jar, on a real data directory. */
class AdminCommandsIT {

  @TempDir Path dataDir;

  @Test
  void an_operator_sets_up_users_and_tokens_from_the_command_line() throws Exception {
    var migrate = AdminCommand.run(dataDir, null, "db", "migrate");
    assertThat(migrate.exitCode()).as(migrate.output()).isZero();
    assertThat(migrate.output()).contains("Schema at version");

    var add =
        AdminCommand.run(
            dataDir, TestUsers.PASSWORD + "\n", "user", "add", "alice", "--role", "OPERATOR");
    assertThat(add.exitCode()).as(add.output()).isZero();
    assertThat(add.output()).contains("Created user alice (OPERATOR)");

    var duplicate =
        AdminCommand.run(
            dataDir, TestUsers.PASSWORD + "\n", "user", "add", "alice", "--role", "VIEWER");
    assertThat(duplicate.exitCode()).isNotZero();

    var token = AdminCommand.run(dataDir, null, "token", "create", "alice", "--name", "ci");
    assertThat(token.exitCode()).as(token.output()).isZero();
    String secret =
        token.output().lines().filter(l -> l.startsWith("pst_")).findFirst().orElseThrow();

    try (ServerProcess server = new ServerProcess(dataDir, List.of())) {
      server.start();
      assertThat(server.get("/api/v1/tokens", "alice", TestUsers.PASSWORD).statusCode())
          .isEqualTo(200);
      assertThat(bearer(server, secret)).isEqualTo(200);

      var refused = AdminCommand.run(dataDir, null, "key", "rotate");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.output()).contains("stop every server first");
      server.stop();

      String keyBefore = Files.readString(dataDir.resolve("master.key"));
      var rotate = AdminCommand.run(dataDir, null, "key", "rotate");
      assertThat(rotate.exitCode()).as(rotate.output()).isZero();
      assertThat(rotate.output()).contains("Rotated to key");
      assertThat(Files.readString(dataDir.resolve("master.key"))).isNotEqualTo(keyBefore);

      var passwd = AdminCommand.run(dataDir, "another-long-password\n", "user", "passwd", "alice");
      assertThat(passwd.exitCode()).as(passwd.output()).isZero();

      server.start();
      assertThat(server.get("/api/v1/tokens", "alice", "another-long-password").statusCode())
          .isEqualTo(200);
      assertThat(bearer(server, secret)).isEqualTo(200);
    }
  }

  @Test
  void help_lists_every_command() throws Exception {
    var help = AdminCommand.run(dataDir, null, "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.output()).contains("serve", "user", "token", "db", "key");
  }

  private static int bearer(ServerProcess server, String token) throws Exception {
    return server.getWithBearer("/api/v1/tokens", token).statusCode();
  }
}
