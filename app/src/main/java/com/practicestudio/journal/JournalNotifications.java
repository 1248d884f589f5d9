package com.practicestudio.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Wakes this node's workers when another node records a row: every recording transaction sends a
 * PostgreSQL {@code NOTIFY}, delivered at commit; this thread {@code LISTEN}s on one connection.
 * Without it, other nodes still find the row within their poll interval.
 */
final class JournalNotifications implements SmartLifecycle {

  static final String CHANNEL = "exchange_journal";
  private static final Logger log = LoggerFactory.getLogger(JournalNotifications.class);

  private final DataSource dataSource;
  private final Runnable wake;
  private final Duration wait;
  private final boolean autoStartup;
  private volatile boolean stopping;
  private volatile Thread thread;

  JournalNotifications(DataSource dataSource, Runnable wake, Duration wait, boolean autoStartup) {
    this.dataSource = dataSource;
    this.wake = wake;
    this.wait = wait;
    this.autoStartup = autoStartup;
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    stopping = false;
    Thread t = new Thread(this::listen, "journal-listen");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public synchronized void stop() {
    Thread t = thread;
    if (t == null) {
      return;
    }
    stopping = true;
    try {
      t.join(wait.toMillis() * 2 + 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }

  private void listen() {
    while (!stopping) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!stopping) {
          PGNotification[] received = pg.getNotifications((int) Math.max(1, wait.toMillis()));
          if (received != null && received.length > 0) {
            wake.run();
          }
        }
        try (Statement s = c.createStatement()) {
          s.execute("UNLISTEN " + CHANNEL);
        }
      } catch (SQLException e) {
        log.warn("Journal LISTEN connection lost ({}); retrying", e.getSQLState());
        LockSupport.parkNanos(wait.toNanos());
      }
    }
  }
}
