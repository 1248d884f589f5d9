package com.practicestudio.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one DataSource: external PostgreSQL when a URL is set, else the embedded one. */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

  /** The server started early by {@link EmbeddedPostgresEarlyStart}, which also stops it. */
  @Bean
  EmbeddedPostgresHolder embeddedPostgres(
      DatabaseProperties db, ObjectProvider<EmbeddedPostgresEarlyStart.Startup> early) {
    if (!db.embedded()) {
      return new EmbeddedPostgresHolder(null);
    }
    EmbeddedPostgresEarlyStart.Startup startup = early.getIfAvailable();
    if (startup == null) {
      throw new IllegalStateException("EmbeddedPostgresEarlyStart is not registered");
    }
    return new EmbeddedPostgresHolder(startup.await());
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

  /** The embedded server, or null when an external database is configured. */
  record EmbeddedPostgresHolder(EmbeddedPostgresServer server) {}
}
