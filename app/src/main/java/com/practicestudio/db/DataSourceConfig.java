package com.practicestudio.db;

import com.practicestudio.PracticeStudioProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one DataSource: external PostgreSQL when a URL is set, else the embedded one. */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

  @Bean(destroyMethod = "close")
  EmbeddedPostgresHolder embeddedPostgres(
      DatabaseProperties db, PracticeStudioProperties settings) {
    return db.embedded()
        ? new EmbeddedPostgresHolder(
            EmbeddedPostgresServer.start(settings.dataDirAbsolute().resolve("pg")))
        : new EmbeddedPostgresHolder(null);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseProperties db, EmbeddedPostgresHolder embedded) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("practice-studio");
    if (embedded.server() != null) {
      config.setJdbcUrl(embedded.server().jdbcUrl());
      config.setUsername(embedded.server().username());
    } else {
      config.setJdbcUrl(db.url());
      config.setUsername(db.username());
      config.setPassword(db.password());
    }
    config.setMaximumPoolSize(db.poolSize());
    config.setConnectionTimeout(db.connectTimeout().toMillis());
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("ApplicationName", "practice-studio");
    return new HikariDataSource(config);
  }

  /** Lets the DataSource bean depend on the server's lifetime (closed after the pool). */
  record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
