package com.practicestudio.hl7;

import com.practicestudio.journal.ExchangeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for journal rows to finish (APPLIED, IGNORED, FAILED, DISCARDED), for ACK-after-apply
 * listeners (the connection waits, so this wait is in memory by nature) and for the quick path of
 * enhanced-mode application ACKs (which the journal also holds durably, see {@link
 * ApplicationAcks}). One thread polls every row being waited for, in queries of up to {@value
 * #MAX_IDS_PER_QUERY} ids, every few milliseconds, whichever node applies them. A wait that runs
 * out completes with null.
 */
final class OutcomeWatcher implements AutoCloseable {

  /** How a watched row ended. {@code errorText} holds no PHI (the journal's contract). */
  record RowOutcome(long id, ExchangeStatus status, String errorCode, String errorText) {

    boolean success() {
      return status == ExchangeStatus.APPLIED || status == ExchangeStatus.IGNORED;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(OutcomeWatcher.class);
  private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();
  private static final int MAX_IDS_PER_QUERY = 1000;

  private record Wait(long id, long deadline, CompletableFuture<RowOutcome> done) {}

  private final JdbcClient jdbc;
  private final Map<CompletableFuture<RowOutcome>, Wait> waits = new ConcurrentHashMap<>();
  private volatile Thread thread;
  private volatile boolean closed;

  OutcomeWatcher(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Completes with the row's outcome once it is finished, or with null after {@code timeout}. */
  CompletableFuture<RowOutcome> await(long id, Duration timeout) {
    CompletableFuture<RowOutcome> done = new CompletableFuture<>();
    if (closed) {
      done.complete(null);
      return done;
    }
    waits.put(done, new Wait(id, System.nanoTime() + timeout.toNanos(), done));
    ensureThread();
    LockSupport.unpark(thread);
    return done;
  }

  private synchronized void ensureThread() {
    if (thread == null) {
      Thread t = new Thread(this::run, "hl7-outcome-watcher");
      t.setDaemon(true);
      thread = t;
      t.start();
    }
  }

  private void run() {
    while (!closed) {
      if (waits.isEmpty()) {
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        continue;
      }
      try {
        poll();
      } catch (RuntimeException e) {
        log.warn("Polling journal outcomes failed ({})", e.getClass().getSimpleName());
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    waits.keySet().forEach(f -> f.complete(null));
  }

  private void poll() {
    long now = System.nanoTime();
    List<Long> ids = new ArrayList<>();
    for (Iterator<Wait> it = waits.values().iterator(); it.hasNext(); ) {
      Wait w = it.next();
      if (now - w.deadline() >= 0) {
        it.remove();
        w.done().complete(null);
      } else {
        ids.add(w.id());
      }
    }
    if (ids.isEmpty()) {
      return;
    }
    Map<Long, RowOutcome> finished = new java.util.HashMap<>();
    for (int from = 0; from < ids.size(); from += MAX_IDS_PER_QUERY) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_QUERY));
      finished(chunk).forEach(o -> finished.put(o.id(), o));
    }
    if (finished.isEmpty()) {
      return;
    }
    for (Iterator<Wait> it = waits.values().iterator(); it.hasNext(); ) {
      Wait w = it.next();
      RowOutcome outcome = finished.get(w.id());
      if (outcome != null) {
        it.remove();
        w.done().complete(outcome);
      }
    }
  }

  /** The finished rows among {@code ids}: one query for up to {@link #MAX_IDS_PER_QUERY}. */
  private List<RowOutcome> finished(List<Long> ids) {
    return jdbc.sql(
            """
            SELECT id, status, error_code, error_text FROM exchange
             WHERE id = ANY(?) AND status IN ('APPLIED', 'IGNORED', 'FAILED', 'DISCARDED', 'DELIVERED')
            """)
        .param(ids.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new RowOutcome(
                    rs.getLong(1),
                    ExchangeStatus.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  @Override
  public void close() {
    closed = true;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }
}
