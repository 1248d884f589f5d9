package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast the group-commit writer makes 1 KB messages durable (fsync on), as an MLLP listener
 * would use it: each connection submits its next message after the previous one committed. The
 * numbers are logged; the floors asserted are far below the targets (a shared 2-core machine must
 * not make the build flaky) and only catch a writer that stopped grouping. The real benchmark lives
 * in {@code bench/}.
 */
class GroupCommitThroughputIT {

  private static final Logger log = LoggerFactory.getLogger(GroupCommitThroughputIT.class);
  private static final byte[] KILOBYTE = kilobyte();

  @BeforeEach
  void emptyJournal() {
    JournalDatabase.clean();
  }

  @ParameterizedTest(name = "{0} connections")
  @ValueSource(ints = {1, 16, 64})
  void records_durably_at_a_rate_that_grows_with_connections(int connections) throws Exception {
    try (JournalFixture node = new JournalFixture()) {
      int perConnection = connections == 1 ? 2_000 : 40_000 / connections;
      run(node, connections, perConnection / 10); // warm-up
      JournalDatabase.clean();
      Run run = run(node, connections, perConnection);
      log.info(
          "group commit, {} connection(s): {} msg/s, latency p50 {} µs, p99 {} µs, mean batch {}",
          connections,
          run.perSecond(),
          run.percentile(50),
          run.percentile(99),
          String.format("%.1f", node.meters.get("journal.write.batch.size").summary().mean()));
      assertThat(node.jdbc.sql("SELECT count(*) FROM exchange").query(Long.class).single())
          .isEqualTo((long) connections * perConnection);
      if (connections > 1) {
        // speed depends on the neighbours' load; grouping does not
        assertThat(node.meters.get("journal.write.batch.size").summary().mean())
            .as("messages per commit")
            .isGreaterThan(2);
      }
    }
  }

  @Test
  void sealing_a_kilobyte_with_aes_gcm_costs_microseconds() {
    try (JournalFixture node = new JournalFixture()) {
      for (int i = 0; i < 20_000; i++) {
        node.crypto.open(
            node.crypto.seal(KILOBYTE, ExchangeApplier.PAYLOAD_CONTEXT),
            ExchangeApplier.PAYLOAD_CONTEXT);
      }
      int n = 50_000;
      long started = System.nanoTime();
      for (int i = 0; i < n; i++) {
        node.crypto.seal(KILOBYTE, ExchangeApplier.PAYLOAD_CONTEXT);
      }
      double micros = (System.nanoTime() - started) / 1_000.0 / n;
      log.info("AES-256-GCM seal of 1 KB: {} µs per message", String.format("%.2f", micros));
      // 12,500 msg/s leaves 80 µs of one core per message; sealing must be a small part of it
      assertThat(micros).isLessThan(40);
    }
  }

  private record Run(long perSecond, long[] latenciesNanos) {
    long percentile(int p) {
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1_000;
    }
  }

  private static Run run(JournalFixture node, int connections, int perConnection) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long[] latencies = new long[connections * perConnection];
    List<Future<?>> done = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      int conn = c;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perConnection; i++) {
                  long t = System.nanoTime();
                  node.journal()
                      .submitInbound(
                          InboundMessage.of(
                                  Channel.HL7,
                                  "ADT^A08",
                                  "CONN-" + conn,
                                  "M" + i,
                                  new Payload(KILOBYTE, "application/hl7-v2"))
                              .withCorrelationKey("MRN:" + (i % 500)))
                      .toCompletableFuture()
                      .get(30, TimeUnit.SECONDS);
                  latencies[conn * perConnection + i] = System.nanoTime() - t;
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    long elapsed = System.nanoTime() - started;
    pool.shutdown();
    return new Run((long) connections * perConnection * 1_000_000_000L / elapsed, latencies);
  }

  private static byte[] kilobyte() {
    byte[] bytes = new byte[1024];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ('A' + i % 26);
    }
    return bytes;
  }
}
