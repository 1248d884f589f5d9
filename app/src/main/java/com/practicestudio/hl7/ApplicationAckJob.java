package com.practicestudio.hl7;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Settles enhanced-mode application ACKs the receiving node did not (see {@link ApplicationAcks}):
 * rows applied after its in-memory watch ran out, rows reprocessed by an operator, and rows whose
 * receiving node stopped. Runs on every server node; nodes never both record an ACK because each
 * one is recorded only together with clearing its row's marker. Cheap when enhanced mode is unused:
 * one query over an empty partial index each interval.
 */
final class ApplicationAckJob {

  private static final Logger log = LoggerFactory.getLogger(ApplicationAckJob.class);

  private final ApplicationAcks acks;
  private final boolean enabled;

  /** {@code enabled} false: admin commands send nothing. */
  ApplicationAckJob(ApplicationAcks acks, boolean enabled) {
    this.acks = acks;
    this.enabled = enabled;
  }

  @Scheduled(
      fixedDelayString =
          "${practice-studio.hl7.application-ack-interval:"
              + Hl7Properties.APPLICATION_ACK_INTERVAL
              + "}")
  public void settleDue() {
    if (!enabled) {
      return;
    }
    try {
      int settled = acks.settleDue();
      if (settled > 0) {
        log.debug("Settled {} application ACK follow-ups", settled);
      }
    } catch (RuntimeException e) {
      log.warn("Looking for due application ACKs failed ({})", e.getClass().getSimpleName());
    }
  }
}
