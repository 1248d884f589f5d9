package com.practicestudio.journal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The exchange journal's settings ({@code practice-studio.journal.*}).
 *
 * @param nodeId this server node's name in {@code claimed_by}; empty = host name and process id.
 *     Must differ between nodes on one database.
 * @param workers the pool that applies and delivers rows
 * @param writer the group-commit writer behind {@link ExchangeJournal#submitInbound}
 * @param retry the retry policy of every channel without its own
 * @param channelRetry per-channel retry policies, e.g. {@code
 *     practice-studio.journal.channel-retry.millennium.max-attempts=8} (unset fields take the
 *     built-in defaults, not those of {@code retry})
 * @param bulkLimit most rows one bulk reprocess requeues
 * @param dryRunLimit most rows one bulk dry run runs
 * @param gaugeRefresh how stale the error-queue and backlog gauges may be
 */
@ConfigurationProperties("practice-studio.journal")
public record JournalProperties(
    @DefaultValue("") String nodeId,
    @DefaultValue Workers workers,
    @DefaultValue Writer writer,
    @DefaultValue RetryPolicy retry,
    Map<Channel, RetryPolicy> channelRetry,
    @DefaultValue("10000") int bulkLimit,
    @DefaultValue("100") int dryRunLimit,
    @DefaultValue("15s") Duration gaugeRefresh) {

  public JournalProperties {
    channelRetry = channelRetry == null ? Map.of() : Map.copyOf(channelRetry);
  }

  /**
   * @param enabled whether this node runs workers at all (admin commands never do)
   * @param size rows applied at the same time on this node
   * @param pollInterval how often an idle node looks for due rows (it is also woken when a row is
   *     recorded here, or on another node when {@code listenNotify} is on), and how often a busy
   *     one looks for rows whose lease ran out
   * @param lease how long a claim holds without a heartbeat; a crashed node's rows are reclaimed
   *     after it. Running rows are kept alive by a heartbeat every third of it.
   * @param claimBatch most rows one claim query takes
   * @param applyBatch most inbound rows one worker applies in one transaction (a long backlog is
   *     applied in groups of this size; 1 applies every row in its own transaction)
   * @param listenNotify wake on PostgreSQL NOTIFY from other nodes (holds one connection)
   */
  public record Workers(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("4") int size,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("5m") Duration lease,
      @DefaultValue("256") int claimBatch,
      @DefaultValue("64") int applyBatch,
      @DefaultValue("true") boolean listenNotify) {

    public Workers {
      if (size < 1 || claimBatch < 1 || applyBatch < 1) {
        throw new IllegalArgumentException(
            "workers.size, workers.claim-batch and workers.apply-batch must be >= 1");
      }
      if (pollInterval.isNegative() || pollInterval.isZero() || lease.toMillis() < 3) {
        throw new IllegalArgumentException("workers.poll-interval and workers.lease must be > 0");
      }
    }
  }

  /**
   * @param threads writer threads; two let one batch fill while the other commits
   * @param maxBatch most messages in one transaction
   * @param queueCapacity submissions waiting for a writer before submitters block
   */
  public record Writer(
      @DefaultValue("2") int threads,
      @DefaultValue("256") int maxBatch,
      @DefaultValue("8192") int queueCapacity) {

    public Writer {
      if (threads < 1 || maxBatch < 1 || queueCapacity < 1) {
        throw new IllegalArgumentException("writer settings must be >= 1");
      }
    }
  }

  public RetryPolicy retryFor(Channel channel) {
    return channelRetry.getOrDefault(channel, retry);
  }

  /** This node's id: the setting, or host name and process id. */
  public String node() {
    if (!nodeId.isBlank()) {
      return nodeId;
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
