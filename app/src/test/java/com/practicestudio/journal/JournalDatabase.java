package com.practicestudio.journal;

import com.practicestudio.db.EmbeddedPostgresServer;
import com.practicestudio.testing.TempDirectories;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One embedded PostgreSQL (the server's own, with fsync on) for the journal's JDBC-level tests,
 * migrated by Flyway with the real migrations and shared by the test classes of this JVM. Tests
 * that need two "nodes" build two worker pools on it. Its directory goes when the JVM exits.
 */
final class JournalDatabase {

  private static HikariDataSource dataSource;

  private JournalDatabase() {}

  static synchronized DataSource dataSource() {
    if (dataSource == null) {
      try {
        Path dir = Files.createTempDirectory("journal-pg-");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("pg"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.username());
        config.setMaximumPoolSize(48);
        config.setPoolName("journal-test");
        HikariDataSource ds = new HikariDataSource(config);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcClient.create(ds)
            .sql(
                """
                CREATE TABLE journal_test_effect (
                    exchange_id bigint PRIMARY KEY,
                    node        text NOT NULL,
                    applied     integer NOT NULL DEFAULT 1)
                """)
            .update();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      ds.close();
                      server.close();
                      TempDirectories.delete(dir);
                    }));
        dataSource = ds;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dataSource;
  }

  /** Empties the journal (this database belongs to these tests alone). */
  static void clean() {
    JdbcClient.create(dataSource())
        .sql(
            "TRUNCATE exchange, exchange_queue, exchange_payload, exchange_event, journal_test_effect"
                + " RESTART IDENTITY")
        .update();
  }
}
