package com.practicestudio.journal;

import com.practicestudio.journal.ExchangeRepository.EventDetail;
import com.practicestudio.security.Actor;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The error queue's operations: requeue rows (alone, by ids or by filter), dry-run them, discard
 * them. Requeueing puts a finished row back in line with a fresh attempt count, due now, behind no
 * one but the earlier unfinished rows of its key; workers then apply it as if it had just arrived.
 * A dry run runs the handler in a transaction that is rolled back and changes nothing. Every action
 * is audited.
 */
public class Reprocessing {

  private static final String TARGET = "exchange";
  private static final int MAX_REASON = 1000;

  private final JournalStore store;
  private final ExchangeApplier applier;
  private final JournalAudit audit;
  private final Clock clock;
  private final JournalProperties settings;
  private final JournalMetrics metrics;
  private final Runnable wake;

  Reprocessing(
      JournalStore store,
      ExchangeApplier applier,
      JournalAudit audit,
      Clock clock,
      JournalProperties settings,
      JournalMetrics metrics,
      Runnable wake) {
    this.store = store;
    this.applier = applier;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.wake = wake;
  }

  /** Requeues one FAILED, APPLIED, DELIVERED or IGNORED row; answers it as requeued. */
  public Exchange requeue(long id) {
    List<Exchange> rows = requeueRows(List.of(id));
    if (rows.isEmpty()) {
      throw refusal(id, ExchangeStatus.REPROCESSABLE);
    }
    return rows.get(0);
  }

  /** What reprocessing one row would change; nothing changes. */
  public DryRunReport dryRun(long id) {
    Exchange row = store.exchanges().find(id).orElseThrow(() -> new NotFoundException(TARGET, id));
    if (!ExchangeStatus.REPROCESSABLE.contains(row.status())) {
      throw refusal(id, ExchangeStatus.REPROCESSABLE);
    }
    DryRunReport report = applier.dryRun(row);
    store
        .tx()
        .executeWithoutResult(s -> audit.record(AuditAction.REPROCESS, id, Map.of("dryRun", true)));
    return report;
  }

  /**
   * Requeues (or dry-runs) the given rows; rows that cannot be reprocessed are listed as skipped.
   */
  public ReprocessResult reprocess(List<Long> ids, boolean dryRun) {
    if (ids == null || ids.isEmpty()) {
      throw new InvalidRequestException("ids", "give at least one id, or a filter");
    }
    int limit = dryRun ? settings.dryRunLimit() : settings.bulkLimit();
    if (ids.size() > limit) {
      throw new InvalidRequestException("ids", "at most " + limit + " ids per request");
    }
    return dryRun ? dryRunAll(ids, false) : requeue(ids);
  }

  /**
   * Requeues (or dry-runs) the rows matching a filter, oldest first, up to the bulk limit. Without
   * a status the filter means FAILED rows.
   */
  public ReprocessResult reprocess(ExchangeQuery filter, boolean dryRun) {
    ExchangeQuery query =
        filter.status() == null ? filter.withStatus(ExchangeStatus.FAILED) : filter;
    if (!ExchangeStatus.REPROCESSABLE.contains(query.status())) {
      throw new InvalidRequestException("status", "must be one of " + ExchangeStatus.REPROCESSABLE);
    }
    int limit = dryRun ? settings.dryRunLimit() : settings.bulkLimit();
    List<Long> ids = store.exchanges().ids(query, limit + 1);
    boolean truncated = ids.size() > limit;
    List<Long> taken = truncated ? ids.subList(0, limit) : ids;
    ReprocessResult result = dryRun ? dryRunAll(taken, truncated) : requeue(taken);
    return new ReprocessResult(result.requeued(), result.skipped(), result.dryRuns(), truncated);
  }

  /** Discards a FAILED, RECEIVED or PENDING row with the operator's reason. */
  public Exchange discard(long id, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("reason", "is required");
    }
    if (reason.length() > MAX_REASON) {
      throw new InvalidRequestException("reason", "must be at most " + MAX_REASON + " characters");
    }
    String why = reason.strip();
    Instant now = clock.instant();
    Exchange discarded =
        store
            .tx()
            .execute(
                s -> {
                  Exchange row = store.requeues().discard(id, now).orElse(null);
                  if (row != null) {
                    store
                        .exchanges()
                        .event(
                            id,
                            now,
                            "DISCARDED",
                            row.attempts(),
                            EventDetail.operator(Actor.name(), why));
                    audit.record(AuditAction.DISCARD, id, Map.of("reason", why));
                    ExchangeJournal.afterCommit(wake);
                  }
                  return row;
                });
    if (discarded == null) {
      throw refusal(id, ExchangeStatus.DISCARDABLE);
    }
    metrics.count(discarded, "DISCARDED");
    return discarded;
  }

  private ReprocessResult requeue(List<Long> ids) {
    Set<Long> wanted = new LinkedHashSet<>(ids);
    List<Exchange> requeued = requeueRows(ids);
    Set<Long> done = requeued.stream().map(Exchange::id).collect(Collectors.toSet());
    List<ReprocessResult.Skipped> skipped = new ArrayList<>();
    for (long id : wanted) {
      if (!done.contains(id)) {
        skipped.add(new ReprocessResult.Skipped(id, skipReason(id)));
      }
    }
    return new ReprocessResult(
        requeued.stream().map(Exchange::id).toList(), skipped, List.of(), false);
  }

  /** Requeues in one transaction, with an event and an audit entry per row; answers the rows. */
  private List<Exchange> requeueRows(List<Long> ids) {
    Set<Long> wanted = new LinkedHashSet<>(ids);
    Instant now = clock.instant();
    List<Exchange> requeued =
        store
            .tx()
            .execute(
                s -> {
                  List<Exchange> rows =
                      store.requeues().requeue(wanted, now).stream()
                          .sorted(Comparator.comparingLong(Exchange::id))
                          .toList();
                  for (Exchange row : rows) {
                    store
                        .exchanges()
                        .event(
                            row.id(), now, "REQUEUED", 0, EventDetail.operator(Actor.name(), null));
                    audit.record(
                        AuditAction.REPROCESS,
                        row.id(),
                        Map.of("dryRun", false, "bulk", ids.size() > 1));
                  }
                  if (!rows.isEmpty()) {
                    ExchangeJournal.afterCommit(wake);
                  }
                  return rows;
                });
    requeued.forEach(row -> metrics.count(row, "REQUEUED"));
    return requeued;
  }

  private ReprocessResult dryRunAll(List<Long> ids, boolean truncated) {
    List<DryRunReport> reports = new ArrayList<>();
    List<ReprocessResult.Skipped> skipped = new ArrayList<>();
    for (long id : new LinkedHashSet<>(ids)) {
      Exchange row = store.exchanges().find(id).orElse(null);
      if (row == null || !ExchangeStatus.REPROCESSABLE.contains(row.status())) {
        skipped.add(new ReprocessResult.Skipped(id, skipReason(id)));
        continue;
      }
      reports.add(applier.dryRun(row));
      store
          .tx()
          .executeWithoutResult(
              s -> audit.record(AuditAction.REPROCESS, id, Map.of("dryRun", true, "bulk", true)));
    }
    return new ReprocessResult(List.of(), skipped, reports, truncated);
  }

  private String skipReason(long id) {
    return store
        .exchanges()
        .find(id)
        .map(row -> "status " + row.status() + " cannot be reprocessed")
        .orElse("not found");
  }

  private RuntimeException refusal(long id, Set<ExchangeStatus> allowed) {
    Exchange row = store.exchanges().find(id).orElseThrow(() -> new NotFoundException(TARGET, id));
    return new ConflictException(
        "exchange " + id + " is " + row.status() + "; only " + allowed + " rows qualify");
  }
}
