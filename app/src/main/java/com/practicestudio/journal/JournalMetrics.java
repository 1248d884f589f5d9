package com.practicestudio.journal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The journal's meters: {@code journal.exchanges} (counter by channel, direction, type and status
 * reached), {@code journal.apply} (timer per attempt by outcome), {@code journal.error.queue} and
 * {@code journal.backlog} (gauges, refreshed at most every {@code gauge-refresh}), and the
 * group-commit writer's {@code journal.write.batch} timer (with buckets from 1 ms to 1 s) and size.
 */
final class JournalMetrics {

  private static final Logger log = LoggerFactory.getLogger(JournalMetrics.class);

  /** Message types come from outside: only tidy, short ones become tag values. */
  private static final Pattern TIDY_TYPE = Pattern.compile("[A-Za-z0-9^_.:\\-]{1,24}");

  private static final Duration[] COMMIT_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(20),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofSeconds(1)
  };

  private final MeterRegistry registry;
  private final ExchangeRepository exchanges;
  private final Clock clock;
  private final Duration refresh;
  private final Timer batchTime;
  private final DistributionSummary batchSize;
  private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();
  private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();
  private ExchangeRepository.QueueSizes sizes;
  private Instant sizesAt;

  JournalMetrics(
      MeterRegistry registry, ExchangeRepository exchanges, Clock clock, Duration refresh) {
    this.registry = registry;
    this.exchanges = exchanges;
    this.clock = clock;
    this.refresh = refresh;
    this.batchTime =
        Timer.builder("journal.write.batch")
            .description("one group commit of inbound rows: its insert and its commit")
            // buckets around the 10 ms an ACK may take: how many commits alone took longer
            .serviceLevelObjectives(COMMIT_BUCKETS)
            .register(registry);
    this.batchSize = DistributionSummary.builder("journal.write.batch.size").register(registry);
    Gauge.builder("journal.error.queue", this, m -> m.sizes().errorQueue())
        .description("journal rows in FAILED")
        .register(registry);
    Gauge.builder("journal.backlog", this, m -> m.sizes().backlog())
        .description("journal rows waiting (RECEIVED or PENDING)")
        .register(registry);
  }

  void count(Channel channel, Direction direction, String type, String status) {
    counters
        .computeIfAbsent(
            new MeterKey(channel, direction, tidy(type), status),
            k ->
                Counter.builder("journal.exchanges")
                    .tag("channel", k.channel().name())
                    .tag("direction", k.direction().name())
                    .tag("type", k.type())
                    .tag("status", k.status())
                    .register(registry))
        .increment();
  }

  void count(Exchange e, String status) {
    count(e.channel(), e.direction(), e.messageType(), status);
  }

  void attempt(Exchange e, String outcome, long nanos) {
    timers
        .computeIfAbsent(
            new MeterKey(e.channel(), e.direction(), tidy(e.messageType()), outcome),
            k ->
                Timer.builder("journal.apply")
                    .tag("channel", k.channel().name())
                    .tag("direction", k.direction().name())
                    .tag("type", k.type())
                    .tag("outcome", k.status())
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
    count(e, outcome);
  }

  /**
   * The tags of one counter or timer. Meters are kept here once registered: building and looking
   * one up in the registry for every message allocated more than the rest of the ingest path.
   */
  private record MeterKey(Channel channel, Direction direction, String type, String status) {}

  void batch(int size, long nanos) {
    batchTime.record(nanos, TimeUnit.NANOSECONDS);
    batchSize.record(size);
  }

  private synchronized ExchangeRepository.QueueSizes sizes() {
    Instant now = clock.instant();
    if (sizes == null || !now.isBefore(sizesAt.plus(refresh)) || now.isBefore(sizesAt)) {
      try {
        sizes = exchanges.queueSizes();
        sizesAt = now;
      } catch (DataAccessException e) {
        log.warn("Cannot count the journal's queues: {}", e.getClass().getSimpleName());
        return sizes == null ? new ExchangeRepository.QueueSizes(0, 0) : sizes;
      }
    }
    return sizes;
  }

  static String tidy(String type) {
    return type != null && TIDY_TYPE.matcher(type).matches() ? type : "other";
  }
}
