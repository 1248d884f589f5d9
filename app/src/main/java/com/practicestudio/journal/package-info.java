/**
 * The exchange journal: every unit of exchange (an HL7 message in or out, a FHIR or web-service
 * write, a file and each record in it, a CCL run) is one row of {@code exchange}, its payload
 * sealed beside it in {@code exchange_payload}, its history in {@code exchange_event}. Logs, the
 * error queue, reprocessing and the dashboard are views of this table.
 *
 * <h2>State machine</h2>
 *
 * <pre>
 * inbound:  RECEIVED ─claim→ PROCESSING ─→ APPLIED | IGNORED | FAILED
 * outbound: PENDING  ─claim→ PROCESSING ─→ DELIVERED | IGNORED | FAILED
 *           PROCESSING ─retryable error, attempts left→ RECEIVED/PENDING (next_attempt_at later)
 *           PROCESSING ─lease ran out→ PROCESSING (reclaimed by another worker, attempt counted)
 *           FAILED | APPLIED | DELIVERED | IGNORED ─requeue→ RECEIVED/PENDING (attempts reset)
 *           FAILED | RECEIVED | PENDING ─discard (with a reason)→ DISCARDED
 * </pre>
 *
 * Recording ({@link com.practicestudio.journal.ExchangeJournal}) commits the row before the caller
 * acknowledges; an inbound message id already recorded for the same channel and sender is answered
 * as a duplicate (re-ACK, do not apply) — unless both carry a content key and the keys differ: then
 * the sender reused the id for another message, which is recorded under {@code id~key} and applied
 * too (JOURNAL-007 in the log). Outbound rows are written in the caller's transaction, so a change
 * and its outbound message commit together. The group-commit writer ({@code submitInbound}) records
 * what many connections submitted in one statement and one commit (one fsync) and completes each
 * submission after that commit.
 *
 * <p>An inbound row may carry a follow-up marker, written by the same insert: something its channel
 * owes once the row has an outcome (HL7 enhanced mode's application ACK). {@link
 * com.practicestudio.journal.FollowUps} finds such rows when they finish and settles each once,
 * clearing the marker and recording the answer in one transaction.
 *
 * <h2>The claim query</h2>
 *
 * One dispatcher per node claims up to {@code apply-batch} rows for each free worker, in one
 * statement: waiting rows that are due ({@code next_attempt_at <= now}), in id order, for which no
 * row with the same direction and correlation key is ahead of it still waiting, nor any row of that
 * key is PROCESSING; {@code FOR UPDATE SKIP LOCKED} so that nodes never wait for each other or take
 * the same row; the same statement sets PROCESSING, {@code claimed_by}, {@code lease_until}, bumps
 * {@code attempts} and {@code claim_seq}, and commits. Rows whose lease ran out are reclaimed first
 * by a second small query, run at most once a poll interval (leases last minutes). An idle
 * dispatcher sleeps for the poll interval unless woken: by a row recorded on this node (after
 * commit), by a NOTIFY from another node, or by a worker finishing (which may unblock the next row
 * of its key).
 *
 * <p>Both checks read {@code exchange_queue}, not the journal: a row is in it from the moment it is
 * recorded (or requeued) until it finishes, with its key, its due time and whether it is claimed.
 * The journal keeps every row for months, and each status change leaves a dead index entry behind
 * until vacuum, which for a table that size comes after millions of changes; a claim walking the
 * journal's own indexes would step over all of them. The queue is as small as the backlog, and the
 * workers vacuum it after every 5,000 claims ({@code QueueVacuum}). No index of the journal names a
 * column that claiming or applying a row changes (the error queue's index is on the generated
 * {@code exceptional} column), so those updates add no index entries.
 *
 * <h2>Groups</h2>
 *
 * The claimed rows are dealt out round robin, one group per free worker: a short backlog runs one
 * row per worker, a long one in groups. A worker applies the inbound rows of its group in one
 * transaction ({@code GroupTransaction}): one lock, one payload read, one status update, one event
 * insert and one commit for all of them. A claim never takes two rows of one key, so the rows of a
 * group are as independent as rows on parallel workers. All or nothing: when a row's handler does
 * not apply, the group rolls back, that row's outcome is written on its own (its attempt counted
 * once) and the others are applied again as a group; when no row can be blamed (a failed statement
 * aborts the whole transaction) every row is applied again in a transaction of its own. Outbound,
 * reclaimed, ignored and unrouted rows always go one by one. When every row of a group goes to
 * handlers that share a {@link com.practicestudio.journal.ReadAhead}, it first reads for the whole
 * group what each handler would read alone (the ADT handlers: the patients, locked, and the
 * encounters), in a few statements; each answer is handed out once, and only for records no other
 * row of the group names.
 *
 * <h2>Ordering guarantee</h2>
 *
 * Rows with the same correlation key (and direction) are applied one at a time, in id order: a row
 * is claimable only when every earlier row of its key is finished (APPLIED, DELIVERED, IGNORED,
 * FAILED or DISCARDED) and none is PROCESSING. A row waiting for its retry holds up the rows behind
 * it. A FAILED inbound row does not (it waits in the error queue; the records it would have written
 * are the operator's to fix). A FAILED outbound row does: it keeps its place in the queue, claimed
 * and never due, until it is reprocessed or discarded, so a receiver never gets a change (S14) for
 * something whose creation (S12) it never got. Rows without a key, and rows of different keys, run
 * in parallel on all nodes. Id order is arrival order for messages recorded one after another (a
 * sender that waits for each ACK); two messages of one key recorded at the same instant by
 * different connections have no defined order.
 *
 * <h2>Crash recovery</h2>
 *
 * A claim is a lease. An inbound row applies in one transaction with its status change (its
 * group's), holding the row's lock, so its local effects commit exactly once; a crash rolls them
 * back and the lease lets another worker reclaim the row ({@code LEASE_EXPIRED} event, attempt
 * counted; past the policy's attempts it is FAILED). An outbound row is delivered outside any
 * transaction and its status written after; a crash in between delivers it again, so outbound
 * handlers are idempotent. While rows run, the dispatcher renews their leases every third of the
 * lease. Every write after the claim is fenced by {@code (id, claim_seq, claimed_by)}: a worker
 * that lost its claim changes nothing.
 *
 * <h2>Failures and retries</h2>
 *
 * A handler answers with an {@link com.practicestudio.journal.Outcome}: retryable trouble is tried
 * again after the channel's {@link com.practicestudio.journal.RetryPolicy} backoff and becomes
 * FAILED after the last attempt; permanent trouble (bad data) is FAILED at once; a row without a
 * handler is FAILED with {@code JOURNAL-001}, unless an {@link
 * com.practicestudio.journal.IgnoreRule} ignores it.
 *
 * <h2>Reprocess</h2>
 *
 * {@link com.practicestudio.journal.Reprocessing} requeues FAILED (or APPLIED, DELIVERED, IGNORED)
 * rows, alone, by ids or by filter: status back to RECEIVED/PENDING, due now, attempts reset, a
 * {@code REQUEUED} event, an audit entry; workers then apply the row as if it had just arrived,
 * behind any earlier unfinished row of its key. A dry run runs the handler with {@code dryRun() ==
 * true} in a transaction that is rolled back and answers what it reported it would change; the row
 * is left as it was. Discarding needs a reason and frees the rows behind it.
 */
package com.practicestudio.journal;
