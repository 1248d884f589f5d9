package com.practicestudio.journal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A handler that applies a row as a local write ({@code journal_test_effect}, counting repeats) and
 * remembers what it saw: calls per row, the order of rows per key, how many ran at once.
 */
final class RecordingHandler implements ExchangeHandler {

  final Map<Long, AtomicInteger> calls = new ConcurrentHashMap<>();
  final Map<String, List<Long>> orderByKey = new ConcurrentHashMap<>();
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();
  private final JdbcClient jdbc;
  private final String node;
  private final int maxDelayMillis;

  RecordingHandler(JdbcClient jdbc, String node, int maxDelayMillis) {
    this.jdbc = jdbc;
    this.node = node;
    this.maxDelayMillis = maxDelayMillis;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context)
      throws InterruptedException {
    int now = running.incrementAndGet();
    mostAtOnce.accumulateAndGet(now, Math::max);
    try {
      calls.computeIfAbsent(exchange.id(), id -> new AtomicInteger()).incrementAndGet();
      if (exchange.correlationKey() != null) {
        orderByKey
            .computeIfAbsent(exchange.correlationKey(), k -> new CopyOnWriteArrayList<>())
            .add(exchange.id());
      }
      jdbc.sql(
              """
              INSERT INTO journal_test_effect (exchange_id, node) VALUES (?, ?)
              ON CONFLICT (exchange_id) DO UPDATE SET applied = journal_test_effect.applied + 1
              """)
          .params(exchange.id(), node)
          .update();
      context.report(
          Change.create("journal_test_effect", Long.toString(exchange.id()), List.of("node")));
      if (maxDelayMillis > 0) {
        Thread.sleep(ThreadLocalRandom.current().nextInt(maxDelayMillis + 1));
      }
      return Outcome.done();
    } finally {
      running.decrementAndGet();
    }
  }

  int callsFor(long id) {
    AtomicInteger n = calls.get(id);
    return n == null ? 0 : n.get();
  }
}
