package com.practicestudio.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The context one attempt's handler sees. */
final class Attempt implements ApplyContext {
  private final boolean dryRun;
  private final int number;
  private final Instant now;
  final List<Change> changes = new ArrayList<>();

  Attempt(boolean dryRun, int number, Instant now) {
    this.dryRun = dryRun;
    this.number = number;
    this.now = now;
  }

  @Override
  public boolean dryRun() {
    return dryRun;
  }

  @Override
  public int attempt() {
    return number;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public void report(Change change) {
    changes.add(change);
  }
}
