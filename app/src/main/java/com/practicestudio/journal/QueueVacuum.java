package com.practicestudio.journal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Vacuums the queue table after every few thousand claims, in a thread of its own. Each claimed row
 * leaves two dead entries at the front of the queue's indexes (the claim and the finish), and every
 * claim walks them from the front until vacuum takes them away. Autovacuum looks at a table at most
 * once a minute, by which time a busy node has left hundreds of thousands; a vacuum of a queue this
 * small takes a few milliseconds. A vacuum already running elsewhere (another node, autovacuum) is
 * skipped, not waited for.
 */
final class QueueVacuum {

  private static final Logger log = LoggerFactory.getLogger(QueueVacuum.class);

  private final Runnable vacuum;
  private final int everyRows;
  private final AtomicInteger claimedSince = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean();

  /**
   * @param vacuum vacuums the queue table ({@link ClaimRepository#vacuumQueue})
   * @param everyRows claimed rows between two vacuums
   */
  QueueVacuum(Runnable vacuum, int everyRows) {
    this.vacuum = vacuum;
    this.everyRows = everyRows;
  }

  /** Counts claimed rows; starts a vacuum when enough have been claimed and none is running. */
  void claimed(int rows) {
    if (claimedSince.addAndGet(rows) < everyRows || !running.compareAndSet(false, true)) {
      return;
    }
    claimedSince.set(0);
    Thread thread = new Thread(this::run, "journal-queue-vacuum");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      vacuum.run();
    } catch (DataAccessException e) {
      log.warn("Journal queue vacuum failed: {}", e.getClass().getSimpleName());
    } finally {
      running.set(false);
    }
  }
}
