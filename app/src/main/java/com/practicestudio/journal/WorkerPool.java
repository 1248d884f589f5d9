package com.practicestudio.journal;

import com.practicestudio.journal.ClaimRepository.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * This node's workers. One dispatcher thread claims as many due rows as there are free workers (one
 * query for all of them) and hands each to a worker; when nothing is due it sleeps until woken (a
 * row recorded here, a NOTIFY from another node, a worker finishing, which may unblock the next row
 * of its key) or until the poll interval passes. While rows run it renews their leases.
 */
final class WorkerPool implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  /** Claimed rows between two vacuums of the queue: about 10,000 dead entries, 25 index pages. */
  private static final int VACUUM_EVERY_ROWS = 5_000;

  private final String node;
  private final JournalProperties.Workers settings;
  private final ClaimRepository claims;
  private final ExchangeApplier applier;
  private final Clock clock;
  private final Semaphore slots;
  private final QueueVacuum vacuum;
  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;
  private volatile Thread dispatcher;
  private ExecutorService workers;
  private Instant nextHeartbeat = Instant.MIN;

  /** Expired leases are looked for once a poll interval, not on every claim of a busy node. */
  private Instant nextReclaim = Instant.MIN;

  private boolean autoStartup;

  WorkerPool(
      String node,
      JournalProperties.Workers settings,
      ClaimRepository claims,
      ExchangeApplier applier,
      Clock clock) {
    this.node = node;
    this.settings = settings;
    this.claims = claims;
    this.applier = applier;
    this.clock = clock;
    this.slots = new Semaphore(settings.size());
    this.vacuum = new QueueVacuum(claims::vacuumQueue, VACUUM_EVERY_ROWS);
  }

  String node() {
    return node;
  }

  /** Whether the Spring context starts the pool (not in admin commands, not when disabled). */
  WorkerPool autoStartup(boolean start) {
    this.autoStartup = start;
    return this;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }

  @Override
  public synchronized void start() {
    if (dispatcher != null) {
      return;
    }
    stopping = false;
    workers = Executors.newFixedThreadPool(settings.size(), threads("journal-worker-" + node));
    Thread thread = new Thread(this::dispatch, "journal-dispatcher-" + node);
    thread.setDaemon(true);
    dispatcher = thread;
    thread.start();
    log.info("Journal workers started on node {} ({} workers)", node, settings.size());
  }

  @Override
  public void stop() {
    stop(Duration.ofSeconds(30));
  }

  /** Stops claiming, lets running rows finish for up to {@code grace}, then interrupts them. */
  synchronized void stop(Duration grace) {
    Thread thread = dispatcher;
    if (thread == null) {
      return;
    }
    stopping = true;
    LockSupport.unpark(thread);
    try {
      thread.join(grace.toMillis());
      workers.shutdown();
      if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        // rows still running stay PROCESSING; their leases run out and another node takes them
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    dispatcher = null;
    log.info("Journal workers stopped on node {}", node);
  }

  @Override
  public boolean isRunning() {
    return dispatcher != null;
  }

  /** Look for due rows now. */
  void wake() {
    Thread thread = dispatcher;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /**
   * Claims and applies due rows in the calling thread until none is due; answers how many ran. For
   * tests and tools that drive the journal step by step (the pool must not be started).
   */
  int runDue() {
    int done = 0;
    while (true) {
      Instant now = clock.instant();
      List<Claim> claimed =
          claims.claim(node, settings.claimBatch(), now, now.plus(settings.lease()), true);
      if (claimed.isEmpty()) {
        return done;
      }
      int groups = (claimed.size() + settings.applyBatch() - 1) / settings.applyBatch();
      spread(claimed, groups).forEach(applier::applyAll);
      done += claimed.size();
    }
  }

  private void dispatch() {
    while (!stopping) {
      boolean more = false;
      try {
        more = claimAndRun();
        heartbeat();
      } catch (DataAccessException | TransactionException e) {
        // the database went away mid-claim (failover, restart, network): try again next poll
        log.warn("Journal dispatcher on {}: {}", node, e.getClass().getSimpleName());
      } catch (RuntimeException e) {
        // a bug; the dispatcher must live on, or this node stops applying anything
        log.error("Journal dispatcher on {} failed: {}", node, e.getClass().getName());
      }
      if (!more && !stopping) {
        LockSupport.parkNanos(sleep().toNanos());
      }
    }
  }

  /**
   * Claims up to a group of rows for each free worker and hands the groups out. Answers true when
   * all it asked for came back and workers are still free: look again at once.
   */
  private boolean claimAndRun() {
    int free = slots.availablePermits();
    if (free == 0) {
      return false;
    }
    int wanted = Math.min(free * settings.applyBatch(), settings.claimBatch());
    Instant now = clock.instant();
    boolean reclaim = !now.isBefore(nextReclaim);
    if (reclaim) {
      nextReclaim = now.plus(settings.pollInterval());
    }
    List<Claim> claimed = claims.claim(node, wanted, now, now.plus(settings.lease()), reclaim);
    vacuum.claimed(claimed.size());
    for (List<Claim> group : spread(claimed, free)) {
      slots.acquireUninterruptibly();
      group.forEach(claim -> running.add(claim.id()));
      workers.execute(() -> run(group));
    }
    return claimed.size() == wanted && slots.availablePermits() > 0;
  }

  /**
   * Deals rows out into at most {@code groups} groups, round robin: a short backlog runs one row
   * per worker (lowest latency), a long one in groups (fewest transactions).
   */
  static <T> List<List<T>> spread(List<T> rows, int groups) {
    int n = Math.min(groups, rows.size());
    List<List<T>> spread = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      spread.add(new ArrayList<>());
    }
    for (int i = 0; i < rows.size(); i++) {
      spread.get(i % n).add(rows.get(i));
    }
    return spread;
  }

  private void run(List<Claim> group) {
    try {
      applier.applyAll(group);
    } catch (RuntimeException e) {
      // a bug, not the rows' trouble: unfinished rows stay PROCESSING until their leases run out
      // class and place only, as for handlers: messages could quote the payload
      StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
      log.error(
          "Exchanges {}: worker failed with {} at {}",
          group.stream().map(Claim::id).toList(),
          e.getClass().getName(),
          at);
    } finally {
      group.forEach(claim -> running.remove(claim.id()));
      slots.release();
      wake();
    }
  }

  private void heartbeat() {
    Instant now = clock.instant();
    if (running.isEmpty() || now.isBefore(nextHeartbeat)) {
      return;
    }
    claims.heartbeat(node, Set.copyOf(running), now.plus(settings.lease()));
    nextHeartbeat = now.plus(settings.lease().dividedBy(3));
  }

  private Duration sleep() {
    Duration beat = settings.lease().dividedBy(3);
    return running.isEmpty() || settings.pollInterval().compareTo(beat) <= 0
        ? settings.pollInterval()
        : beat;
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
