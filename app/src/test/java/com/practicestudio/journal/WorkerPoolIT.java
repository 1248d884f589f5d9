package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workers under concurrency, on one node and on two nodes sharing one database. */
class WorkerPoolIT {

  @BeforeEach
  void emptyJournal() {
    JournalDatabase.clean();
  }

  @Test
  void rows_of_one_key_apply_in_arrival_order_while_different_keys_run_in_parallel()
      throws Exception {
    try (JournalFixture node = new JournalFixture()) {
      RecordingHandler handler = new RecordingHandler(node.jdbc, "a", 3);
      node.handle("HL7 INBOUND ADT^*", handler);
      node.pool("a", 8).start();

      recordConcurrently(node, 4, 40, 25);

      awaitAllApplied(node, 4 * 40 * 25 + 4 * 40);
      assertOrderPerKey(node, handler);
      assertThat(handler.mostAtOnce.get()).as("different keys overlap").isGreaterThan(1);
      assertThat(handler.calls.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }
  }

  @Test
  void two_nodes_on_one_database_never_apply_a_row_twice() throws Exception {
    try (JournalFixture a = new JournalFixture();
        JournalFixture b = new JournalFixture()) {
      RecordingHandler onA = new RecordingHandler(a.jdbc, "a", 1);
      RecordingHandler onB = new RecordingHandler(b.jdbc, "b", 1);
      a.handle("HL7 INBOUND ADT^*", onA);
      b.handle("HL7 INBOUND ADT^*", onB);
      a.pool("node-a", 4).start();
      b.pool("node-b", 4).start();

      int rows = recordConcurrently(a, 3, 50, 10) + 0;
      awaitAllApplied(a, rows);

      List<Long> ids = a.jdbc.sql("SELECT id FROM exchange").query(Long.class).list();
      assertThat(ids).hasSize(rows);
      for (long id : ids) {
        assertThat(onA.callsFor(id) + onB.callsFor(id))
            .as("applications of row %d", id)
            .isEqualTo(1);
      }
      Map<String, Long> byNode =
          a
              .jdbc
              .sql(
                  "SELECT node, count(*) AS n FROM journal_test_effect WHERE applied = 1 GROUP BY node")
              .query((rs, n) -> Map.entry(rs.getString("node"), rs.getLong("n")))
              .list()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(rows);
      assertThat(byNode).as("both nodes did work").containsKeys("a", "b");
      assertThat(
              a.jdbc
                  .sql("SELECT count(*) FROM journal_test_effect WHERE applied > 1")
                  .query(Long.class)
                  .single())
          .isZero();
      // order per key holds across nodes: merge what each node saw, in the order applied
      assertThat(
              a.jdbc
                  .sql(
                      "SELECT count(*) FROM exchange e JOIN exchange_event v ON v.exchange_id = e.id"
                          + " WHERE v.kind = 'APPLIED' AND e.correlation_key IS NOT NULL AND EXISTS ("
                          + " SELECT 1 FROM exchange p JOIN exchange_event pv ON pv.exchange_id = p.id"
                          + " WHERE p.correlation_key = e.correlation_key AND p.id < e.id"
                          + " AND pv.kind = 'APPLIED' AND pv.id > v.id)")
                  .query(Long.class)
                  .single())
          .as("rows applied after a later row of their key")
          .isZero();
    }
  }

  @Test
  void an_idle_pool_wakes_when_a_row_is_recorded_on_its_node() {
    try (JournalFixture node = new JournalFixture()) {
      RecordingHandler handler = new RecordingHandler(node.jdbc, "a", 0);
      node.with(
          new JournalProperties(
              "",
              new JournalProperties.Workers(
                  true, 2, Duration.ofMinutes(10), Duration.ofMinutes(5), 8, 4, false),
              node.settings().writer(),
              node.settings().retry(),
              Map.of(),
              10_000,
              100,
              Duration.ofSeconds(15)));
      node.handle("HL7 INBOUND ADT^*", handler);
      node.pool("a", 2).start();
      // the pool has polled once and now sleeps for ten minutes unless woken
      await().pollDelay(Duration.ofMillis(200)).until(() -> true);

      long id = node.inbound("ADT^A04", "LAB", "wake-1", "MRN:1", "MSH|").id();

      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> node.row(id).status() == ExchangeStatus.APPLIED);
    }
  }

  /**
   * Records {@code keysPerThread × rowsPerKey} keyed rows from each thread (each thread owns its
   * keys and records them in a shuffled interleaving) plus one unkeyed row per key; answers the
   * total.
   */
  private static int recordConcurrently(
      JournalFixture node, int threads, int keysPerThread, int rowsPerKey) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                List<String> plan = new ArrayList<>();
                for (int k = 0; k < keysPerThread; k++) {
                  for (int r = 0; r < rowsPerKey; r++) {
                    plan.add("MRN:" + thread + "-" + k);
                  }
                  plan.add(null);
                }
                Collections.shuffle(plan, new Random(thread));
                int n = 0;
                for (String key : plan) {
                  node.inbound(
                      "ADT^A08", "SENDER-" + thread, "m" + thread + "-" + n++, key, "MSH|^~\\&|");
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return threads * keysPerThread * (rowsPerKey + 1);
  }

  private static void awaitAllApplied(JournalFixture node, int rows) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                node.jdbc
                        .sql("SELECT count(*) FROM exchange WHERE status = 'APPLIED'")
                        .query(Long.class)
                        .single()
                    == rows);
  }

  private static void assertOrderPerKey(JournalFixture node, RecordingHandler handler) {
    Map<String, List<Long>> recorded =
        node
            .jdbc
            .sql(
                "SELECT correlation_key, id FROM exchange WHERE correlation_key IS NOT NULL ORDER BY id")
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    assertThat(handler.orderByKey.keySet()).isEqualTo(recorded.keySet());
    recorded.forEach(
        (key, ids) ->
            assertThat(handler.orderByKey.get(key)).as("order of %s", key).isEqualTo(ids));
  }
}
