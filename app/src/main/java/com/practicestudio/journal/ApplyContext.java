package com.practicestudio.journal;

import java.time.Instant;

/** What a handler knows about the attempt it runs in. */
public interface ApplyContext {

  /** True when only reporting what would change: write nothing that matters, send nothing. */
  boolean dryRun();

  /**
   * 1 for the first attempt; counts reclaims after a crash too. Dry runs answer the row's count.
   */
  int attempt();

  /** The time of this attempt (from the server's clock). */
  Instant now();

  /** Reports one change this application makes (or would make, in a dry run). No PHI values. */
  void report(Change change);
}
