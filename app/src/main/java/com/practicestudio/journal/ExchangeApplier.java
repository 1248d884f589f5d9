package com.practicestudio.journal;

import com.practicestudio.journal.ClaimRepository.Claim;
import com.practicestudio.journal.ExchangeRepository.EventDetail;
import com.practicestudio.journal.GroupTransaction.Routed;
import com.practicestudio.security.crypto.Crypto;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed row through its handler and writes how the attempt ended. Inbound rows apply in
 * the same transaction as their status change (holding the row's lock, so no other node can reclaim
 * it meanwhile); outbound rows are delivered outside any transaction and the status is written
 * afterwards. Every status write is fenced by the claim.
 */
final class ExchangeApplier {

  static final String PAYLOAD_CONTEXT = "exchange_payload.body";
  private static final Logger log = LoggerFactory.getLogger(ExchangeApplier.class);
  private static final int MOST_FAILURES_PER_GROUP = 2;

  private final ClaimRepository claims;
  private final ExchangeRepository exchanges;
  private final HandlerRoutes routes;
  private final List<IgnoreRule> rules;
  private final JournalProperties settings;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final JournalMetrics metrics;
  private final DoubleSupplier random;
  private final HandlerRunner runner;
  private final GroupTransaction groups;

  ExchangeApplier(
      JournalStore store,
      Crypto crypto,
      HandlerRoutes routes,
      List<IgnoreRule> rules,
      JournalProperties settings,
      Clock clock,
      JournalMetrics metrics,
      DoubleSupplier random) {
    this.claims = store.claims();
    this.exchanges = store.exchanges();
    this.tx = store.tx();
    this.routes = routes;
    this.rules = List.copyOf(rules);
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.random = random;
    this.runner = new HandlerRunner(exchanges, crypto);
    this.groups = new GroupTransaction(store, runner, clock);
  }

  /** Applies or delivers one claimed row; never throws for the row's own trouble. */
  void apply(Claim claim) {
    long started = System.nanoTime();
    Exchange e = claim.exchange();
    try {
      String kind = decide(claim);
      if (kind != null) {
        metrics.attempt(e, kind, System.nanoTime() - started);
      }
    } catch (DataAccessException | TransactionException ex) {
      // the database went away mid-attempt: the lease runs out and the row is reclaimed
      log.warn(
          "Exchange {}: attempt {} not recorded ({})",
          e.id(),
          e.attempts(),
          ex.getClass().getSimpleName());
    }
  }

  /**
   * Applies or delivers many claimed rows; never throws for the rows' own trouble. Inbound rows
   * that need nothing but their handler are applied together ({@link GroupTransaction}). A row
   * whose handler does not apply rolls its group back: its outcome is written on its own and the
   * rest go again as a group, up to {@value #MOST_FAILURES_PER_GROUP} times; after that, or when no
   * row can be blamed, every remaining row goes through {@link #apply} on its own. So a bad row
   * costs its neighbours a second run, never their outcome. Every other row (outbound, reclaimed,
   * ignored, unrouted) goes through {@link #apply}.
   */
  void applyAll(List<Claim> group) {
    List<Routed> together = new ArrayList<>();
    for (Claim claim : group) {
      Optional<ExchangeHandler> handler = plainInbound(claim);
      if (handler.isPresent()) {
        together.add(new Routed(claim, handler.get()));
      } else {
        apply(claim);
      }
    }
    int failures = 0;
    while (together.size() > 1) {
      GroupTransaction.Result result = groups.apply(together);
      if (result.applied()) {
        for (int i = 0; i < together.size(); i++) {
          metrics.attempt(
              together.get(i).claim().exchange(), result.kinds().get(i), result.nanos()[i]);
        }
        return;
      }
      if (result.stoppedAt() < 0 || ++failures > MOST_FAILURES_PER_GROUP) {
        break;
      }
      Claim failed = together.remove(result.stoppedAt()).claim();
      long nanos = result.nanos()[result.stoppedAt()];
      String kind = end(failed, result.outcome(), nanos / 1_000_000);
      if (kind != null) {
        metrics.attempt(failed.exchange(), kind, nanos);
      }
    }
    together.forEach(row -> apply(row.claim()));
  }

  /** The handler of an inbound row that nothing else decides (not reclaimed, ignored, unrouted). */
  private Optional<ExchangeHandler> plainInbound(Claim claim) {
    Exchange e = claim.exchange();
    if (e.direction() != Direction.INBOUND || claim.reclaimed() || ignoreReason(e).isPresent()) {
      return Optional.empty();
    }
    return routes.find(e);
  }

  /** The kind of event written, or null when the claim was lost to another node. */
  private String decide(Claim claim) {
    Exchange e = claim.exchange();
    if (claim.reclaimed()) {
      exchanges.event(
          e.id(),
          clock.instant(),
          "LEASE_EXPIRED",
          e.attempts() - 1,
          EventDetail.worker(claim.previousNode(), JournalError.LEASE_EXPIRED.code(), null, 0));
      if (e.attempts() > settings.retryFor(e.channel()).maxAttempts()) {
        return end(claim, failed(JournalError.LEASE_EXPIRED), 0);
      }
    }
    Optional<String> ignore = ignoreReason(e);
    if (ignore.isPresent()) {
      return end(claim, Outcome.ignored(ignore.get()), 0);
    }
    Optional<ExchangeHandler> handler = routes.find(e);
    if (handler.isEmpty()) {
      return end(claim, failed(JournalError.NO_HANDLER), 0);
    }
    return e.direction() == Direction.INBOUND
        ? applyInTransaction(claim, handler.get())
        : deliver(claim, handler.get());
  }

  /**
   * Handler and status change in one transaction, under the row's lock. A failing attempt rolls the
   * handler's writes back and records the failure in a transaction of its own.
   */
  private String applyInTransaction(Claim claim, ExchangeHandler handler) {
    long started = System.nanoTime();
    Applied applied = applyOnce(claim, handler, started);
    if (applied.concurrentInsert()) {
      // Rows of different keys apply in parallel; two of them may create the same provider or
      // location at once. The loser's unique violation comes after the winner committed, so one
      // immediate second try finds the record instead of waiting a whole backoff.
      applied = applyOnce(claim, handler, started);
    }
    if (applied.failure() != null) {
      return end(claim, applied.failure(), millisSince(started));
    }
    if (applied.kind() == null) {
      log.warn("Exchange {}: claim lost to another node; nothing applied here", claim.id());
    }
    return applied.kind();
  }

  /**
   * One try: the event kind written (null when the claim was lost or the try failed), or the
   * failure to record.
   */
  private record Applied(String kind, Outcome failure) {

    boolean concurrentInsert() {
      return failure instanceof Outcome.Retry r
          && JournalError.DUPLICATE_KEY.code().equals(r.code());
    }
  }

  private Applied applyOnce(Claim claim, ExchangeHandler handler, long started) {
    Attempt attempt = new Attempt(false, claim.exchange().attempts(), clock.instant());
    try {
      return tx.execute(
          status -> {
            Map<Long, byte[]> sealed = claims.lockAndReadPayloads(List.of(claim));
            if (sealed.isEmpty()) {
              return new Applied(null, null);
            }
            Exchange e = claim.exchange();
            Outcome outcome =
                runner.run(handler, e, runner.openOrNull(sealed.get(e.id()), e), attempt);
            if (outcome instanceof Outcome.Done || outcome instanceof Outcome.Ignored) {
              String kind = write(claim, outcome, millisSince(started));
              if (kind != null) {
                return new Applied(kind, null);
              }
              status.setRollbackOnly();
              return new Applied(null, null);
            }
            status.setRollbackOnly();
            return new Applied(null, outcome);
          });
    } catch (DataAccessException | TransactionException ex) {
      // e.g. the handler swallowed a database error and its transaction could not commit
      log.warn(
          "Exchange {}: apply transaction failed ({})", claim.id(), ex.getClass().getSimpleName());
      return new Applied(
          null, Outcome.retry(JournalError.DATABASE.code(), JournalError.DATABASE.text()));
    }
  }

  private String deliver(Claim claim, ExchangeHandler handler) {
    long started = System.nanoTime();
    Attempt attempt = new Attempt(false, claim.exchange().attempts(), clock.instant());
    Outcome outcome = runner.run(handler, claim.exchange(), attempt);
    String kind = end(claim, outcome, millisSince(started));
    if (kind == null) {
      log.warn("Exchange {}: delivered, but the claim was lost to another node", claim.id());
    }
    return kind;
  }

  /** Runs the handler in a transaction that is rolled back, reporting what it would change. */
  DryRunReport dryRun(Exchange e) {
    Optional<String> ignore = ignoreReason(e);
    if (ignore.isPresent()) {
      return new DryRunReport(e.id(), "IGNORED", null, ignore.get(), List.of());
    }
    Optional<ExchangeHandler> handler = routes.find(e);
    if (handler.isEmpty()) {
      return report(e, failed(JournalError.NO_HANDLER), List.of());
    }
    Attempt attempt = new Attempt(true, e.attempts(), clock.instant());
    Outcome outcome =
        tx.execute(
            status -> {
              status.setRollbackOnly();
              return runner.run(handler.get(), e, attempt);
            });
    return report(e, outcome, attempt.changes);
  }

  Payload payload(Exchange e) {
    return runner.payload(e);
  }

  /** Writes how the attempt ended in its own transaction; null when the claim was lost. */
  private String end(Claim claim, Outcome outcome, long millis) {
    return tx.execute(status -> write(claim, outcome, millis));
  }

  /** Writes the attempt's end (status and event); answers the event kind, null if fenced off. */
  private String write(Claim claim, Outcome outcome, long millis) {
    Exchange e = claim.exchange();
    Instant now = clock.instant();
    RetryPolicy policy = settings.retryFor(e.channel());
    Ending end = Ending.of(e, outcome, !policy.exhausted(e.attempts()));
    boolean written =
        end.status().waiting()
            ? claims.retryLater(
                claim,
                policy.nextAttempt(
                    now, e.attempts(), random.getAsDouble(), ((Outcome.Retry) outcome).notBefore()),
                end,
                millis,
                now)
            : claims.finish(claim, end, millis, now);
    if (!written) {
      return null;
    }
    if (end.status() == ExchangeStatus.FAILED) {
      log.warn("Exchange {} FAILED after {} attempt(s): {}", e.id(), e.attempts(), end.code());
    }
    return end.kind();
  }

  private Optional<String> ignoreReason(Exchange e) {
    for (IgnoreRule rule : rules) {
      Optional<String> reason = rule.ignoreReason(e);
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }

  private DryRunReport report(Exchange e, Outcome outcome, List<Change> changes) {
    // a requeued row starts with fresh attempts: a retryable failure would be retried
    Ending end = Ending.of(e, outcome, true);
    return new DryRunReport(e.id(), end.reported(), end.code(), end.text(), changes);
  }

  private static Outcome failed(JournalError error) {
    return Outcome.failed(error.code(), error.text());
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
