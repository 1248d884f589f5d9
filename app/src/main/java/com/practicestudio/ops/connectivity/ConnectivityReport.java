package com.practicestudio.ops.connectivity;

import java.time.Instant;
import java.util.List;

/** A connectivity test's result: {@code ok} when every step passed. */
public record ConnectivityReport(
    long domainId, String domainName, boolean ok, Instant startedAt, List<ConnectivityStep> steps) {

  public ConnectivityReport {
    steps = List.copyOf(steps);
  }
}
