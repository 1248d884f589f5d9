package com.practicestudio.journal;

import com.practicestudio.journal.ClaimRepository.Claim;
import com.practicestudio.journal.ExchangeRepository.EventDetail;
import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.security.crypto.CryptoException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
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

  private final ClaimRepository claims;
  private final ExchangeRepository exchanges;
  private final Crypto crypto;
  private final HandlerRoutes routes;
  private final List<IgnoreRule> rules;
  private final JournalProperties settings;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final JournalMetrics metrics;
  private final DoubleSupplier random;

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
    this.crypto = crypto;
    this.routes = routes;
    this.rules = List.copyOf(rules);
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.random = random;
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
            if (!claims.lock(claim)) {
              return new Applied(null, null);
            }
            Outcome outcome = run(handler, claim.exchange(), attempt);
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
    Outcome outcome = run(handler, claim.exchange(), attempt);
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
              return run(handler.get(), e, attempt);
            });
    return report(e, outcome, attempt.changes);
  }

  private Outcome run(ExchangeHandler handler, Exchange e, Attempt attempt) {
    Payload payload;
    try {
      payload = payload(e);
    } catch (CryptoException ex) {
      return failed(JournalError.PAYLOAD_UNREADABLE);
    }
    try {
      Outcome outcome =
          e.direction() == Direction.INBOUND
              ? Applying.inbound(e, () -> handler.apply(e, payload, attempt))
              : handler.apply(e, payload, attempt);
      return outcome != null
          ? outcome
          : Outcome.failed(
              JournalError.HANDLER_EXCEPTION.code(), "the handler returned no outcome");
    } catch (ExchangeFailure f) {
      return f.toOutcome();
    } catch (DuplicateKeyException ex) {
      return Outcome.retry(JournalError.DUPLICATE_KEY.code(), JournalError.DUPLICATE_KEY.text());
    } catch (Exception ex) {
      // class and place only: exception messages may quote the message (PHI)
      StackTraceElement at = ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : null;
      log.warn("Exchange {}: handler threw {} at {}", e.id(), ex.getClass().getName(), at);
      return Outcome.retry(
          JournalError.HANDLER_EXCEPTION.code(),
          "the handler threw " + ex.getClass().getSimpleName());
    }
  }

  Payload payload(Exchange e) {
    byte[] cipher = exchanges.sealedPayload(e.id()).orElse(null);
    byte[] plain = cipher == null ? new byte[0] : crypto.open(cipher, PAYLOAD_CONTEXT);
    return new Payload(plain, e.contentType());
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
                end.code(),
                end.text(),
                now)
            : claims.finish(claim, end.status(), end.code(), end.text(), now);
    if (!written) {
      return null;
    }
    exchanges.event(
        e.id(),
        now,
        end.kind(),
        e.attempts(),
        EventDetail.worker(claim.node(), end.code(), end.text(), millis));
    if (end.status() == ExchangeStatus.FAILED) {
      log.warn("Exchange {} FAILED after {} attempt(s): {}", e.id(), e.attempts(), end.code());
    }
    return end.kind();
  }

  /** The status, event kind, code and text an outcome leads to under a retry policy. */
  record Ending(ExchangeStatus status, String kind, String code, String text) {

    static Ending of(Exchange e, Outcome outcome, boolean retriesLeft) {
      if (outcome instanceof Outcome.Done) {
        ExchangeStatus done = e.direction().done();
        return new Ending(done, done.name(), null, null);
      }
      if (outcome instanceof Outcome.Ignored i) {
        return new Ending(ExchangeStatus.IGNORED, "IGNORED", null, i.reason());
      }
      if (outcome instanceof Outcome.Retry r && retriesLeft) {
        return new Ending(e.direction().waiting(), "RETRY", r.code(), r.text());
      }
      if (outcome instanceof Outcome.Retry r) {
        return new Ending(ExchangeStatus.FAILED, "FAILED", r.code(), r.text());
      }
      Outcome.Failed f = (Outcome.Failed) outcome;
      return new Ending(ExchangeStatus.FAILED, "FAILED", f.code(), f.text());
    }

    /** What a dry run reports: the status, or RETRY. */
    String reported() {
      return status.waiting() ? "RETRY" : status.name();
    }
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

  /** The context one attempt's handler sees. */
  static final class Attempt implements ApplyContext {
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
}
