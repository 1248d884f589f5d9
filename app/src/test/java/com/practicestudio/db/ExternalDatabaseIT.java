package com.practicestudio.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.testing.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code practice-studio.db.url} set, the server uses that PostgreSQL (here a separate server
 * started by the test, with its own user and password) and starts no embedded one.
 */
class ExternalDatabaseIT {

  static EmbeddedPostgres external;

  @BeforeAll
  static void startExternalDatabase() throws Exception {
    external = EmbeddedPostgres.builder().start();
    try (var c = external.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE USER ps_app PASSWORD 'app-secret-1'");
      s.execute("CREATE DATABASE practice_studio OWNER ps_app");
    }
  }

  @AfterAll
  static void stopExternalDatabase() throws Exception {
    external.close();
  }

  @Test
  void the_server_runs_on_an_external_postgresql_given_by_url() throws Exception {
    Path dataDir = Files.createTempDirectory("ps-external-");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(com.practicestudio.PracticeStudioApplication.class)
            .properties(
                "server.port=0",
                "practice-studio.hl7.mllp.port=0",
                "practice-studio.data-dir=" + dataDir,
                "practice-studio.db.url=jdbc:postgresql://localhost:"
                    + external.getPort()
                    + "/practice_studio",
                "practice-studio.db.username=ps_app",
                "practice-studio.db.password=app-secret-1",
                "PRACTICE_STUDIO_ADMIN_PASSWORD=" + TestUsers.ADMIN_PASSWORD)
            .run()) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      assertThat(jdbc.sql("SELECT current_database()").query(String.class).single())
          .isEqualTo("practice_studio");
      assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("ps_app");
      assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(1);
    }
    assertThat(dataDir.resolve("pg")).doesNotExist();
  }
}
