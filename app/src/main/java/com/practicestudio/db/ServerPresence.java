package com.practicestudio.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A PostgreSQL advisory lock that tells admin commands whether servers are running on the database:
 * each server holds it shared for its lifetime; a command that must run alone (key rotation) takes
 * it exclusively or refuses.
 */
public final class ServerPresence implements AutoCloseable {

  private static final long LOCK_KEY = 0x5053_5345_5256L; // "PSSERV"

  private final Connection connection;

  private ServerPresence(Connection connection) {
    this.connection = connection;
  }

  /** Held by a running server until it stops. */
  public static ServerPresence announce(DataSource dataSource) throws SQLException {
    Connection c = dataSource.getConnection();
    try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock_shared(?)")) {
      s.setLong(1, LOCK_KEY);
      s.execute();
    }
    return new ServerPresence(c);
  }

  /** Exclusive: present only when no server runs; empty otherwise. */
  public static java.util.Optional<ServerPresence> alone(DataSource dataSource)
      throws SQLException {
    Connection c = dataSource.getConnection();
    try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, LOCK_KEY);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          return java.util.Optional.of(new ServerPresence(c));
        }
      }
    }
    c.close();
    return java.util.Optional.empty();
  }

  @Override
  public void close() throws SQLException {
    // closing the session releases the lock; the pool would keep it, so unlock first
    try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
      s.execute();
    } finally {
      connection.close();
    }
  }
}
