package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The dispatcher outlives a database that goes away in the middle of a claim: the statement fails,
 * then so does the rollback (the connection is gone), and the claim throws a transaction error
 * (with the server's transaction manager, as here), not a data access error. Rows recorded
 * meanwhile are applied once the database answers again.
 */
class DispatcherFailureIT {

  private final AtomicBoolean down = new AtomicBoolean(true);
  private final AtomicInteger failedStatements = new AtomicInteger();

  @BeforeEach
  void emptyJournal() {
    JournalDatabase.clean();
  }

  @Test
  void a_claim_whose_rollback_fails_too_leaves_the_dispatcher_running() {
    try (JournalFixture node = new JournalFixture()) {
      RecordingHandler handler = new RecordingHandler(node.jdbc, "a", 0);
      node.handle("HL7 INBOUND ADT^*", handler);
      DataSource flaky = new FlakyDataSource(JournalDatabase.dataSource());
      ClaimRepository claims =
          new ClaimRepository(
              JdbcClient.create(flaky),
              ClaimRepository.ownTransactions(new DataSourceTransactionManager(flaky)));
      JournalProperties.Workers w = node.settings().workers();
      WorkerPool pool = new WorkerPool("a", w, claims, node.applier(), node.clock);
      try {
        pool.start();
        long id = node.inbound("ADT^A04", "LAB", "down-1", "MRN:1", "MSH|").id();
        pool.wake();
        await().atMost(30, TimeUnit.SECONDS).until(() -> failedStatements.get() >= 2);
        assertThat(node.row(id).status()).isEqualTo(ExchangeStatus.RECEIVED);

        down.set(false);
        pool.wake();

        await()
            .atMost(30, TimeUnit.SECONDS)
            .untilAsserted(
                () -> assertThat(node.row(id).status()).isEqualTo(ExchangeStatus.APPLIED));
        assertThat(pool.isRunning()).isTrue();
      } finally {
        pool.stop(Duration.ofSeconds(10));
      }
    }
  }

  /** Connections whose statements and rollbacks fail while {@link #down} is set. */
  private final class FlakyDataSource extends DelegatingDataSource {

    FlakyDataSource(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = super.getConnection();
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                String name = method.getName();
                if (down.get() && (name.startsWith("prepare") || name.equals("rollback"))) {
                  failedStatements.incrementAndGet();
                  throw new SQLException(
                      "An I/O error occurred while sending to the backend.", "08006");
                }
                try {
                  return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }
}
