package com.practicestudio.journal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Group commit for inbound messages: submissions from many connections queue up; each writer thread
 * takes what is waiting (up to a batch) and records it with one multi-row {@code INSERT … ON
 * CONFLICT DO NOTHING RETURNING} plus one payload insert, in one transaction. Each submission
 * completes only after that commit. A writer never waits for a batch to fill: when the queue is
 * empty it writes what it has, so an idle journal answers as fast as a single insert.
 */
final class InboundBatchWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InboundBatchWriter.class);

  /**
   * One statement (so one round trip and one commit) records the rows, their payloads and their
   * places in the queue. No control id is in one statement twice ({@link #rounds}), so each
   * inserted row joins exactly one input row for its payload.
   */
  private static final String INSERT =
      """
      WITH input AS (
          SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                               ?::bigint[], ?::int[], ?::text[], ?::bytea[], ?::text[], ?::text[])
              WITH ORDINALITY
              AS u(channel, message_type, sender, message_id, correlation_key, endpoint,
                   parent_id, payload_size, content_type, body, content_key, follow_up, ord)),
      ins AS (
          INSERT INTO exchange (channel, direction, message_type, sender, message_id,
              correlation_key, status, next_attempt_at, endpoint, parent_id, payload_size,
              content_type, received_at, updated_at, content_key, follow_up)
          SELECT channel, 'INBOUND', message_type, sender, message_id, correlation_key,
              'RECEIVED', ?, endpoint, parent_id, payload_size, content_type, ?, ?, content_key,
              follow_up
          FROM input ORDER BY ord
          ON CONFLICT (channel, direction, sender, message_id) DO NOTHING
          RETURNING id, channel, direction, sender, message_id, correlation_key, next_attempt_at),
      queued AS (%s),
      payload AS (
          INSERT INTO exchange_payload (exchange_id, body)
          SELECT ins.id, i.body FROM ins JOIN input i
            ON i.channel = ins.channel AND i.sender = ins.sender AND i.message_id = ins.message_id)
      SELECT ins.id, ins.channel, ins.sender, ins.message_id FROM ins
      """
          .formatted(ExchangeRepository.enqueue("ins"));

  /** The same, telling the other nodes' workers at commit. */
  private static final String INSERT_AND_NOTIFY =
      INSERT.replace(
          "FROM ins\n",
          "FROM ins CROSS JOIN (SELECT pg_notify('" + JournalNotifications.CHANNEL + "', '')) n\n");

  private static final String EXISTING =
      """
      SELECT e.id, e.channel, e.sender, e.message_id, e.status, e.content_key
      FROM exchange e
      JOIN unnest(?::text[], ?::text[], ?::text[]) AS k(channel, sender, message_id)
        ON e.channel = k.channel AND e.direction = 'INBOUND' AND e.sender = k.sender
       AND e.message_id = k.message_id
      """;

  private final DataSource dataSource;
  private final Clock clock;
  private final JournalMetrics metrics;
  private final Runnable afterCommit;
  private final boolean notifyNodes;
  private final int maxBatch;
  private final BlockingQueue<Pending> queue;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  InboundBatchWriter(
      DataSource dataSource,
      JournalProperties.Writer settings,
      Clock clock,
      JournalMetrics metrics,
      Runnable afterCommit,
      boolean notifyNodes) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.metrics = metrics;
    this.afterCommit = afterCommit;
    this.notifyNodes = notifyNodes;
    this.maxBatch = settings.maxBatch();
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    for (int i = 1; i <= settings.threads(); i++) {
      Thread thread = new Thread(this::drain, "journal-writer-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private record Pending(InboundMessage message, byte[] cipher, CompletableFuture<Recorded> done) {

    String key() {
      return keyOf(message.channel().name(), message.sender(), message.messageId());
    }

    Pending underOwnId() {
      return new Pending(message.underOwnId(), cipher, done);
    }
  }

  /** Queues a message whose payload is already sealed; blocks while the queue is full. */
  CompletionStage<Recorded> submit(InboundMessage message, byte[] cipher) {
    CompletableFuture<Recorded> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new IllegalStateException("the journal writer is stopped"));
      return done;
    }
    Pending pending = new Pending(message, cipher, done);
    try {
      queue.put(pending);
      if (closed && queue.remove(pending)) {
        done.completeExceptionally(new IllegalStateException("the journal writer is stopped"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.completeExceptionally(e);
    }
    return done;
  }

  private void drain() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (true) {
      Pending first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (first == null) {
        if (closed) {
          return;
        }
        continue;
      }
      batch.add(first);
      queue.drainTo(batch, maxBatch - 1);
      write(batch);
      batch.clear();
    }
  }

  private void write(List<Pending> batch) {
    long started = System.nanoTime();
    List<Recorded> recorded;
    try {
      recorded = insert(batch);
    } catch (SQLException | RuntimeException e) {
      if (batch.size() > 1) {
        // one bad message must not fail the others: write them one by one
        batch.forEach(p -> write(List.of(p)));
        return;
      }
      String state =
          e instanceof SQLException sql ? sql.getSQLState() : e.getClass().getSimpleName();
      log.warn("Journal write failed ({})", state);
      // no cause attached: PostgreSQL's detail can quote the values
      batch
          .get(0)
          .done()
          .completeExceptionally(
              new DataAccessResourceFailureException("journal write failed (" + state + ")"));
      return;
    }
    metrics.batch(batch.size(), System.nanoTime() - started);
    for (int i = 0; i < batch.size(); i++) {
      InboundMessage m = batch.get(i).message();
      metrics.count(
          m.channel(),
          Direction.INBOUND,
          m.messageType(),
          recorded.get(i).duplicate() ? "DUPLICATE" : "RECEIVED");
      batch.get(i).done().complete(recorded.get(i));
    }
    afterCommit.run();
  }

  /**
   * Answers each submission's row in batch order. A message whose control id appears again in the
   * batch waits for a later round, so that it meets the first one as a recorded row: then the same
   * rule decides for copies in one batch as for copies in two.
   */
  private List<Recorded> insert(List<Pending> batch) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      Map<Pending, Recorded> answers = new IdentityHashMap<>();
      for (List<Pending> round : rounds(batch)) {
        answers.putAll(record(c, round));
      }
      return batch.stream().map(answers::get).toList();
    }
  }

  /** The batch split so that no round holds one control id twice, in arrival order. */
  private static List<List<Pending>> rounds(List<Pending> batch) {
    List<List<Pending>> rounds = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Pending p : batch) {
      int round = seen.merge(p.key(), 1, Integer::sum) - 1;
      if (round == rounds.size()) {
        rounds.add(new ArrayList<>());
      }
      rounds.get(round).add(p);
    }
    return rounds;
  }

  /**
   * One statement for the round (control ids unique in it). A message that meets a recorded row of
   * its id with other content is recorded again under an id of its own.
   */
  private Map<Pending, Recorded> record(Connection c, List<Pending> round) throws SQLException {
    Map<String, Long> inserted = insertRows(c, round);
    Map<String, RecordedBefore> existing = findExisting(c, round, inserted);
    Map<Pending, Recorded> answers = new IdentityHashMap<>();
    List<Pending> reused = new ArrayList<>();
    for (Pending p : round) {
      Long id = inserted.get(p.key());
      RecordedBefore before = existing.get(p.key());
      if (id != null) {
        answers.put(p, new Recorded(id, false, ExchangeStatus.RECEIVED));
      } else if (p.message().reusesIdOf(before.contentKey())) {
        reused.add(p);
      } else {
        answers.put(p, before.recorded());
      }
    }
    if (!reused.isEmpty()) {
      List<Pending> renamed = reused.stream().map(Pending::underOwnId).toList();
      Map<Pending, Recorded> again = record(c, renamed);
      for (int i = 0; i < reused.size(); i++) {
        ReusedControlIds.warn(reused.get(i).message());
        answers.put(reused.get(i), again.get(renamed.get(i)));
      }
    }
    return answers;
  }

  private Map<String, Long> insertRows(Connection c, List<Pending> batch) throws SQLException {
    int n = batch.size();
    String[][] text = new String[7][n];
    Long[] parents = new Long[n];
    Integer[] sizes = new Integer[n];
    byte[][] bodies = new byte[n][];
    String[] contentKeys = new String[n];
    String[] followUps = new String[n];
    for (int i = 0; i < n; i++) {
      InboundMessage m = batch.get(i).message();
      text[0][i] = m.channel().name();
      text[1][i] = m.messageType();
      text[2][i] = m.sender();
      text[3][i] = m.messageId();
      text[4][i] = m.correlationKey();
      text[5][i] = m.endpoint();
      text[6][i] = m.payload().contentType();
      parents[i] = m.parentId();
      sizes[i] = m.payload().size();
      bodies[i] = batch.get(i).cipher();
      contentKeys[i] = m.contentKey();
      followUps[i] = m.followUp();
    }
    Instant now = clock.instant();
    Map<String, Long> inserted = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(notifyNodes ? INSERT_AND_NOTIFY : INSERT)) {
      for (int col = 0; col < 6; col++) {
        s.setArray(1 + col, c.createArrayOf("text", text[col]));
      }
      s.setArray(7, c.createArrayOf("bigint", parents));
      s.setArray(8, c.createArrayOf("int4", sizes));
      s.setArray(9, c.createArrayOf("text", text[6]));
      s.setArray(10, c.createArrayOf("bytea", bodies));
      s.setArray(11, c.createArrayOf("text", contentKeys));
      s.setArray(12, c.createArrayOf("text", followUps));
      s.setObject(13, ExchangeRepository.ts(now));
      s.setObject(14, ExchangeRepository.ts(now));
      s.setObject(15, ExchangeRepository.ts(now));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          inserted.put(keyOf(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getLong(1));
        }
      }
    }
    return inserted;
  }

  /** Rows recorded before (by an earlier batch, another writer or another node). */
  private static Map<String, RecordedBefore> findExisting(
      Connection c, List<Pending> batch, Map<String, Long> inserted) throws SQLException {
    List<Pending> missing = batch.stream().filter(p -> !inserted.containsKey(p.key())).toList();
    Map<String, RecordedBefore> existing = new HashMap<>();
    if (missing.isEmpty()) {
      return existing;
    }
    try (PreparedStatement s = c.prepareStatement(EXISTING)) {
      s.setArray(1, textArray(c, missing, p -> p.message().channel().name()));
      s.setArray(2, textArray(c, missing, p -> p.message().sender()));
      s.setArray(3, textArray(c, missing, p -> p.message().messageId()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          existing.put(
              keyOf(rs.getString(2), rs.getString(3), rs.getString(4)),
              new RecordedBefore(
                  new Recorded(rs.getLong(1), true, ExchangeStatus.valueOf(rs.getString(5))),
                  rs.getString(6)));
        }
      }
    }
    for (Pending p : missing) {
      if (!existing.containsKey(p.key())) {
        // the conflicting row vanished between the insert and the lookup (it cannot: rows are
        // never deleted while the server runs) — fail rather than answer wrongly
        throw new SQLException("journal row for a duplicate not found", "55000");
      }
    }
    return existing;
  }

  private static Array textArray(
      Connection c, List<Pending> rows, java.util.function.Function<Pending, String> field)
      throws SQLException {
    return c.createArrayOf("text", rows.stream().map(field).toArray(String[]::new));
  }

  private static String keyOf(String channel, String sender, String messageId) {
    return channel + '\u0000' + sender + '\u0000' + messageId;
  }

  /** Stops taking submissions; what is queued is still written. */
  @Override
  public void close() {
    closed = true;
    for (Thread thread : threads) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.done().completeExceptionally(new IllegalStateException("the journal writer stopped"));
    }
  }
}
