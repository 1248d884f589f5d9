package com.practicestudio.bench.mllp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The database's own limit for a durable ACK: clients that each commit one journal row (with its 1
 * KB payload) and wait for the commit before the next one, straight into the embedded PostgreSQL of
 * the server under test, no MLLP and no server code. The statement does what the journal writer
 * does for a batch of one (the same tables, indexes and unique check), without its batching arrays.
 * One lock-step MLLP connection cannot acknowledge faster than one client here commits. At a fixed
 * rate it is the floor of a durable ACK's latency on this machine: no server can answer a message
 * before its commit, and here nothing but the commit stands between the two.
 */
final class JournalCommitLimit {

  private static final String INSERT =
      """
      WITH ins AS (
          INSERT INTO exchange (channel, direction, message_type, sender, message_id,
              correlation_key, status, next_attempt_at, endpoint, payload_size, content_type,
              received_at, updated_at)
          VALUES ('HL7', 'INBOUND', 'ADT^A04', ?, ?, ?, 'RECEIVED', now(), 'commit-limit', ?,
              'application/hl7-v2', now(), now())
          ON CONFLICT (channel, direction, sender, message_id) DO NOTHING
          RETURNING id, correlation_key, next_attempt_at),
      queued AS (
          INSERT INTO exchange_queue (exchange_id, direction, correlation_key, next_attempt_at)
          SELECT id, 'INBOUND', correlation_key, next_attempt_at FROM ins)
      INSERT INTO exchange_payload (exchange_id, body) SELECT id, ? FROM ins RETURNING exchange_id
      """;

  private final String url;

  JournalCommitLimit(int postgresPort) {
    this.url = "jdbc:postgresql://localhost:" + postgresPort + "/postgres?user=postgres";
  }

  /** {@code clients} threads committing one row at a time; latency is one commit's round trip. */
  LoadGenerator.Result run(int clients, Duration warmup, Duration measure) throws Exception {
    return run(clients, 0, warmup, measure);
  }

  /**
   * The same at {@code rate} rows a second in all (0: as fast as they can), each client on a fixed
   * schedule; latency is counted from the scheduled time, as {@link LoadGenerator} counts it, so a
   * commit that stalls also makes the rows scheduled behind it late.
   */
  LoadGenerator.Result run(int clients, int rate, Duration warmup, Duration measure)
      throws Exception {
    String run = MllpBenchmark.runId();
    long start = System.nanoTime();
    long from = start + warmup.toNanos();
    long to = from + measure.toNanos();
    AtomicLong errors = new AtomicLong();
    List<Client> all = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Client client = new Client(run + "-" + c, start, from, to, interval(clients, rate), errors);
      all.add(client);
      client.start();
    }
    LoadGenerator.LongList latencies = new LoadGenerator.LongList();
    long total = 0;
    for (Client client : all) {
      client.join();
      latencies.addAll(client.latencies);
      total += client.total;
    }
    return LoadGenerator.Result.of(
        clients,
        1,
        rate,
        latencies,
        errors.get(),
        measure,
        total,
        all.stream().map(c -> c.firstError).filter(e -> e != null).findFirst().orElse(null));
  }

  private static double interval(int clients, int rate) {
    return rate > 0 ? 1e9 * clients / rate : 0;
  }

  private final class Client extends Thread {
    private final String sender;
    private final long start;
    private final double interval;
    private final long from;
    private final long to;
    private final AtomicLong errors;
    final LoadGenerator.LongList latencies = new LoadGenerator.LongList();
    long total;
    String firstError;

    Client(String sender, long start, long from, long to, double interval, AtomicLong errors) {
      super("commit-limit-" + sender);
      this.sender = sender;
      this.start = start;
      this.interval = interval;
      this.from = from;
      this.to = to;
      this.errors = errors;
    }

    @Override
    public void run() {
      byte[] payload = AdtMessage.template();
      try (Connection c = DriverManager.getConnection(url);
          PreparedStatement s = c.prepareStatement(INSERT)) {
        c.setAutoCommit(true);
        for (long n = 0; ; n++) {
          long sent = interval > 0 ? waitUntil(start + (long) (n * interval)) : System.nanoTime();
          if (sent >= to) {
            return;
          }
          s.setString(1, "commit-limit-" + sender);
          s.setString(2, Long.toString(n));
          s.setString(3, sender + "-" + (n % AdtMessage.PATIENTS));
          s.setInt(4, payload.length);
          s.setBytes(5, payload);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
          }
          total++;
          if (sent >= from) {
            latencies.add(System.nanoTime() - sent);
          }
        }
      } catch (SQLException e) {
        errors.incrementAndGet();
        firstError = e.getSQLState() + " " + e.getMessage();
      }
    }

    /** Parks until {@code scheduled}; returns it (a late client does not skip rows). */
    private static long waitUntil(long scheduled) {
      for (long now = System.nanoTime(); now < scheduled; now = System.nanoTime()) {
        LockSupport.parkNanos(scheduled - now);
      }
      return scheduled;
    }
  }
}
