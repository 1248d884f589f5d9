package com.practicestudio.journal;

import java.util.Optional;

/**
 * Decides, before any handler runs, that a row is to be IGNORED (e.g. a message type the site does
 * not use). Declare rules as Spring beans; the first reason given wins.
 */
@FunctionalInterface
public interface IgnoreRule {

  /** A reason (no PHI) to ignore the row, or empty to let its handler run. */
  Optional<String> ignoreReason(Exchange exchange);
}
