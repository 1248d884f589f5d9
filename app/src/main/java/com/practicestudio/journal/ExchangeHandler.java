package com.practicestudio.journal;

/**
 * Applies one inbound row to Practice Studio, or delivers one outbound row. Declare handlers as
 * Spring beans annotated with {@link Handles}; the most specific pattern wins.
 *
 * <p><b>Inbound</b> handlers run inside the transaction that also records the row's new status:
 * their local writes (through Spring's {@code JdbcClient}) commit together with {@code APPLIED}, or
 * roll back together, so local effects happen exactly once. Apply by business identifiers (upsert
 * by MRN, FIN, Cerner id) so that a requeued row is harmless. The transaction may hold a group of
 * rows of other keys, and when one of them does not apply the group is rolled back and run again: a
 * handler may run more than once for one attempt, with only the last run's writes kept, so it does
 * nothing outside the transaction that a second run would repeat.
 *
 * <p><b>Outbound</b> handlers run outside any transaction (they call a remote system); the status
 * is written after they return. A crash after the remote call and before that write delivers the
 * row again, so the handler makes its delivery idempotent (control id, {@code If-Match}, a lookup
 * before create).
 *
 * <p>Say what happened through the returned {@link Outcome}: {@link Outcome#retry} for transient
 * trouble (remote down, 503, timeout), {@link Outcome#failed} for bad data that no retry can fix.
 * An exception other than {@link ExchangeFailure} counts as retryable. In a dry run ({@link
 * ApplyContext#dryRun()}) compute and {@link ApplyContext#report} what would change, and send
 * nothing: local writes are rolled back anyway.
 */
@FunctionalInterface
public interface ExchangeHandler {

  Outcome apply(Exchange exchange, Payload payload, ApplyContext context) throws Exception;

  /**
   * What reads ahead for a group of this handler's inbound rows (see {@link ReadAhead}); null, the
   * default, when each row reads for itself.
   */
  default ReadAhead readAhead() {
    return null;
  }
}
