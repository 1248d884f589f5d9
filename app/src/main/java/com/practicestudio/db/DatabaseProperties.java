package com.practicestudio.db;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. An empty {@code url} means the embedded PostgreSQL under {@code
 * <data-dir>/pg}.
 *
 * @param url JDBC URL of an external PostgreSQL 14+, e.g. {@code
 *     jdbc:postgresql://db.example.org:5432/practice_studio}
 * @param username user for the external database
 * @param password password for the external database
 * @param poolSize maximum connections in the pool
 * @param connectTimeout how long to wait for a connection from the pool
 */
@ConfigurationProperties("practice-studio.db")
public record DatabaseProperties(
    @DefaultValue("") String url,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("20") int poolSize,
    @DefaultValue("10s") Duration connectTimeout) {

  public boolean embedded() {
    return url == null || url.isBlank();
  }
}
