package com.practicestudio.journal;

import com.practicestudio.journal.ClaimRepository.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * This node's workers. One dispatcher thread claims as many due rows as there are free workers (one
 * query for all of them) and hands each to a worker; when nothing is due it sleeps until woken (a
 * row recorded here, a NOTIFY from another node, a worker finishing, which may unblock the next row
 * of its key) or until the poll interval passes. While rows run it renews their leases.
 */
final class WorkerPool implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  private final String node;
  private final JournalProperties.Workers settings;
  private final ClaimRepository claims;
  private final ExchangeApplier applier;
  private final Clock clock;
  private final Semaphore slots;
  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;
  private volatile Thread dispatcher;
  private ExecutorService workers;
  private Instant nextHeartbeat = Instant.MIN;
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
          claims.claim(node, settings.claimBatch(), now, now.plus(settings.lease()));
      if (claimed.isEmpty()) {
        return done;
      }
      claimed.forEach(applier::apply);
      done += claimed.size();
    }
  }

  private void dispatch() {
    while (!stopping) {
      boolean more = false;
      try {
        more = claimAndRun();
        heartbeat();
      } catch (DataAccessException e) {
        log.warn("Journal dispatcher on {}: {}", node, e.getClass().getSimpleName());
      }
      if (!more && !stopping) {
        LockSupport.parkNanos(sleep().toNanos());
      }
    }
  }

  /** Answers true when all it asked for came back and workers are free: look again at once. */
  private boolean claimAndRun() {
    int free = slots.availablePermits();
    if (free == 0) {
      return false;
    }
    int wanted = Math.min(free, settings.claimBatch());
    Instant now = clock.instant();
    List<Claim> claimed = claims.claim(node, wanted, now, now.plus(settings.lease()));
    for (Claim claim : claimed) {
      slots.acquireUninterruptibly();
      running.add(claim.id());
      workers.execute(() -> run(claim));
    }
    return claimed.size() == wanted && slots.availablePermits() > 0;
  }

  private void run(Claim claim) {
    try {
      applier.apply(claim);
    } catch (RuntimeException e) {
      // a bug, not the row's trouble: the row stays PROCESSING until its lease runs out
      // class and place only, as for handlers: messages could quote the payload
      StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
      log.error("Exchange {}: worker failed with {} at {}", claim.id(), e.getClass().getName(), at);
    } finally {
      running.remove(claim.id());
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
