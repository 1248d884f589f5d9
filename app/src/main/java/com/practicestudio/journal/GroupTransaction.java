package com.practicestudio.journal;

import com.practicestudio.journal.ClaimRepository.Claim;
import com.practicestudio.journal.ClaimRepository.Finish;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies many claimed inbound rows in one transaction: one statement that locks them and reads
 * their payloads, one that writes their statuses and events, and one commit for all of them,
 * instead of one of each per row. The claim gives at most one row per correlation key, so the rows
 * of a group are independent of each other, as they would be on parallel workers. All or nothing:
 * the first row that does not apply rolls the whole group back.
 */
final class GroupTransaction {

  private static final Logger log = LoggerFactory.getLogger(GroupTransaction.class);

  /** A claimed row and the handler its route names. */
  record Routed(Claim claim, ExchangeHandler handler) {}

  /**
   * How a group's transaction ended. Applied: committed, every row applied or ignored; {@code
   * kinds} and {@code nanos} are each row's event kind and its share of the time. Otherwise nothing
   * was written, and {@code stoppedAt} is the row whose handler answered {@code outcome} (after
   * {@code nanos[stoppedAt]}) while the transaction was still sound, so that the answer is the
   * row's own; or -1 when no row can be blamed: a statement failed, which aborts the whole
   * transaction, a claim was lost, or the commit failed.
   */
  record Result(boolean applied, List<String> kinds, long[] nanos, int stoppedAt, Outcome outcome) {

    static final Result UNEXPLAINED = new Result(false, List.of(), new long[0], -1, null);
  }

  private final ClaimRepository claims;
  private final TransactionTemplate tx;
  private final HandlerRunner runner;
  private final Clock clock;

  GroupTransaction(JournalStore store, HandlerRunner runner, Clock clock) {
    this.claims = store.claims();
    this.tx = store.tx();
    this.runner = runner;
    this.clock = clock;
  }

  Result apply(List<Routed> rows) {
    long started = System.nanoTime();
    long[] nanos = new long[rows.size()];
    try {
      Result result =
          tx.execute(
              status -> {
                Result r = applyAll(rows, nanos);
                if (!r.applied()) {
                  status.setRollbackOnly();
                }
                return r;
              });
      if (result.applied()) {
        long handlers = 0;
        for (long n : nanos) {
          handlers += n;
        }
        long shared = (System.nanoTime() - started - handlers) / rows.size();
        for (int i = 0; i < nanos.length; i++) {
          nanos[i] += shared;
        }
      }
      return result;
    } catch (DataAccessException | TransactionException ex) {
      log.debug("A group of {} rows rolled back ({})", rows.size(), ex.getClass().getSimpleName());
      return Result.UNEXPLAINED;
    }
  }

  private Result applyAll(List<Routed> rows, long[] nanos) {
    Instant now = clock.instant();
    List<Claim> claimed = rows.stream().map(Routed::claim).toList();
    Map<Long, byte[]> sealed = claims.lockAndReadPayloads(claimed);
    if (sealed.size() != rows.size()) {
      return Result.UNEXPLAINED;
    }
    Payload[] payloads = new Payload[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Exchange e = claimed.get(i).exchange();
      payloads[i] = runner.openOrNull(sealed.get(e.id()), e);
    }
    readAhead(rows, payloads);
    List<Finish> ends = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      long t = System.nanoTime();
      Claim claim = claimed.get(i);
      Exchange e = claim.exchange();
      Outcome outcome =
          runner.run(rows.get(i).handler(), e, payloads[i], new Attempt(false, e.attempts(), now));
      nanos[i] = System.nanoTime() - t;
      if (!(outcome instanceof Outcome.Done || outcome instanceof Outcome.Ignored)) {
        // throws when a failed statement aborted the transaction: then the answer may not be
        // this row's own (a handler may have swallowed an error of its own or an earlier row's)
        claims.checkTransactionUsable();
        return new Result(false, List.of(), nanos, i, outcome);
      }
      ends.add(new Finish(claim, Ending.of(e, outcome, true), nanos[i] / 1_000_000));
    }
    if (claims.finishAll(ends, now) != ends.size()) {
      return Result.UNEXPLAINED;
    }
    return new Result(true, ends.stream().map(f -> f.end().kind()).toList(), nanos, -1, null);
  }

  /**
   * Lets the rows' shared {@link ReadAhead}, when every row has the same one, read for all of them.
   * Its failure to make sense of the rows costs nothing but the rows' own reads; a failed statement
   * aborts the transaction and is thrown, so that the rows go one by one.
   */
  private static void readAhead(List<Routed> rows, Payload[] payloads) {
    if (rows.size() < 2) {
      return;
    }
    ReadAhead shared = rows.get(0).handler().readAhead();
    if (shared == null) {
      return;
    }
    List<ReadAhead.Row> readable = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).handler().readAhead() != shared) {
        return;
      }
      if (payloads[i] != null) {
        readable.add(new ReadAhead.Row(rows.get(i).claim().exchange(), payloads[i]));
      }
    }
    try {
      shared.readAhead(readable);
    } catch (DataAccessException e) {
      throw e;
    } catch (RuntimeException e) {
      log.debug("Reading ahead for {} rows stopped ({})", rows.size(), e.getClass().getName());
    }
  }
}
