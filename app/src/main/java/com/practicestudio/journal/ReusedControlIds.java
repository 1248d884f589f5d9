package com.practicestudio.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator that a sender reused a control id for a different message. Both messages are
 * kept and applied; the log line is how the site learns that its sender's ids are not unique (the
 * second row's id carries the content key after {@code ~}).
 */
final class ReusedControlIds {

  private static final Logger log = LoggerFactory.getLogger(ReusedControlIds.class);

  private ReusedControlIds() {}

  /** Sender and control id only: neither is patient data. */
  static void warn(InboundMessage m) {
    log.warn(
        "{} {} sender {} reused control id {} for a different message; recorded under {}",
        JournalError.CONTROL_ID_REUSED.code(),
        m.channel(),
        m.sender(),
        m.messageId(),
        m.underOwnId().messageId());
  }
}
