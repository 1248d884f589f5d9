package com.practicestudio.journal;

import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.security.crypto.KeyRing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journal assembled by hand on {@link JournalDatabase}, with a clock the test moves and an
 * audit that collects entries: no Spring context, so two fixtures on one database are two nodes.
 */
final class JournalFixture implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-19T14:30:00Z");

  record Audited(AuditAction action, long exchangeId, Map<String, ?> detail) {}

  final MutableClock clock;
  final JournalStore store;
  final JdbcClient jdbc;

  /** One master key for every fixture: two fixtures are two nodes of one installation. */
  private static final KeyRing KEYS = KeyRing.of(List.of(KeyRing.newKey()));

  final Crypto crypto = new Crypto(KEYS);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final List<Audited> audits = new CopyOnWriteArrayList<>();
  final Map<String, ExchangeHandler> handlers = new HashMap<>();
  final List<IgnoreRule> ignoreRules = new ArrayList<>();
  private final List<WorkerPool> pools = new ArrayList<>();
  private JournalProperties settings;

  /** Whether recording sends NOTIFY to other nodes (set before the first {@link #journal()}). */
  boolean notifyNodes;

  private JournalMetrics metrics;
  private InboundBatchWriter writer;
  private ExchangeJournal journal;
  private Reprocessing reprocessing;
  private ExchangeApplier applier;

  JournalFixture() {
    this(new MutableClock(START));
  }

  JournalFixture(MutableClock clock) {
    this.clock = clock;
    this.store = JournalStore.create(JournalDatabase.dataSource());
    this.jdbc = JdbcClient.create(JournalDatabase.dataSource());
    this.settings =
        settings(new RetryPolicy(3, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(5), 0));
  }

  static JournalProperties settings(RetryPolicy retry) {
    return new JournalProperties(
        "",
        new JournalProperties.Workers(
            true, 4, Duration.ofMillis(50), Duration.ofMinutes(5), 32, 8, false),
        new JournalProperties.Writer(2, 256, 8192),
        retry,
        Map.of(),
        10_000,
        100,
        Duration.ofSeconds(15));
  }

  JournalFixture with(JournalProperties changed) {
    this.settings = changed;
    return this;
  }

  JournalFixture handle(String pattern, ExchangeHandler handler) {
    handlers.put(pattern, handler);
    return this;
  }

  JournalProperties settings() {
    return settings;
  }

  JournalMetrics metrics() {
    if (metrics == null) {
      metrics = new JournalMetrics(meters, store.exchanges(), clock, settings.gaugeRefresh());
    }
    return metrics;
  }

  ExchangeApplier applier() {
    if (applier == null) {
      applier =
          new ExchangeApplier(
              store,
              crypto,
              HandlerRoutes.of(handlers),
              ignoreRules,
              settings,
              clock,
              metrics(),
              () -> 0.5);
    }
    return applier;
  }

  /** A worker pool as node {@code node}; not started (call {@code start()} or {@code runDue()}). */
  WorkerPool pool(String node, int size) {
    JournalProperties.Workers w = settings.workers();
    WorkerPool pool =
        new WorkerPool(
            node,
            new JournalProperties.Workers(
                true, size, w.pollInterval(), w.lease(), w.claimBatch(), w.applyBatch(), false),
            store.claims(),
            applier(),
            clock);
    pools.add(pool);
    return pool;
  }

  ExchangeJournal journal() {
    if (journal == null) {
      writer =
          new InboundBatchWriter(
              store.dataSource(), settings.writer(), clock, metrics(), this::wakeAll, notifyNodes);
      journal =
          new ExchangeJournal(
              store, crypto, clock, metrics(), writer, this::audit, this::wakeAll, notifyNodes);
    }
    return journal;
  }

  Reprocessing reprocessing() {
    if (reprocessing == null) {
      reprocessing =
          new Reprocessing(
              store, applier(), this::audit, clock, settings, metrics(), this::wakeAll);
    }
    return reprocessing;
  }

  private void audit(AuditAction action, long id, Map<String, ?> detail) {
    audits.add(new Audited(action, id, detail));
  }

  private void wakeAll() {
    pools.forEach(WorkerPool::wake);
  }

  /** Records an inbound message with a text payload. */
  Recorded inbound(String type, String sender, String messageId, String key, String body) {
    return journal()
        .recordInbound(
            InboundMessage.of(
                    Channel.HL7,
                    type,
                    sender,
                    messageId,
                    new Payload(body.getBytes(StandardCharsets.UTF_8), "application/hl7-v2"))
                .withCorrelationKey(key));
  }

  /**
   * How many of these rows' current versions no index points to directly: written by a HOT update
   * (pageinspect, read in the caller's transaction when there is one).
   */
  long heapOnly(List<Long> ids) {
    jdbc.sql("CREATE EXTENSION IF NOT EXISTS pageinspect").update();
    return jdbc.sql(
            """
            SELECT count(*) FROM exchange e
            CROSS JOIN LATERAL heap_page_items(
                get_raw_page('exchange', (e.ctid::text::point)[0]::int)) h
            WHERE e.id = ANY(?) AND h.lp = (e.ctid::text::point)[1]::int
              AND (h.t_infomask2 & 32768) <> 0
            """)
        .param(ids.toArray(Long[]::new))
        .query(Long.class)
        .single();
  }

  Exchange row(long id) {
    return store.exchanges().find(id).orElseThrow();
  }

  List<ExchangeEvent> events(long id) {
    return store.exchanges().events(id);
  }

  @Override
  public void close() {
    pools.forEach(p -> p.stop(Duration.ofSeconds(10)));
    if (writer != null) {
      writer.close();
    }
  }
}
