package com.practicestudio.hl7;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Settles enhanced-mode application ACKs the receiving node did not (see {@link ApplicationAcks}):
 * rows applied after its in-memory watch ran out, rows reprocessed by an operator, and rows whose
 * receiving node stopped. Runs on every server node; nodes never both record an ACK because each
 * one is recorded only together with clearing its row's marker. Cheap when enhanced mode is unused:
 * one query over an empty partial index each interval.
 */
final class ApplicationAckJob implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ApplicationAckJob.class);

  private final ApplicationAcks acks;
  private final Duration interval;
  private final boolean autoStartup;
  private volatile Thread thread;
  private volatile boolean stopping;

  ApplicationAckJob(ApplicationAcks acks, Duration interval, boolean autoStartup) {
    this.acks = acks;
    this.interval = interval;
    this.autoStartup = autoStartup;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    stopping = false;
    Thread t = new Thread(this::run, "hl7-application-ack-job");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private void run() {
    while (!stopping) {
      try {
        int settled = acks.settleDue();
        if (settled > 0) {
          log.debug("Settled {} application ACK follow-ups", settled);
        }
      } catch (RuntimeException e) {
        log.warn("Looking for due application ACKs failed ({})", e.getClass().getSimpleName());
      }
      LockSupport.parkNanos(interval.toNanos());
    }
  }

  @Override
  public synchronized void stop() {
    Thread t = thread;
    if (t == null) {
      return;
    }
    stopping = true;
    LockSupport.unpark(t);
    try {
      t.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
