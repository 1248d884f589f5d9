package com.practicestudio.journal;

import static com.practicestudio.journal.ExchangeRepository.ts;

import com.practicestudio.journal.ExchangeRepository.EventDetail;
import com.practicestudio.journal.ExchangeRepository.NewEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workers' side of the journal: claiming rows, fencing a claim, and writing an attempt's end.
 * Every write after the claim is fenced by {@code (id, claim_seq, claimed_by)}, so a worker whose
 * claim was taken over (its lease ran out) cannot overwrite the new claimant's work.
 */
final class ClaimRepository {

  /**
   * Waiting rows that are due and first in line for their key: no earlier row with the same
   * direction and key still waits, and no row with that key is being worked on. At most one row per
   * key can qualify in one statement, so a claim never takes two rows of one key. Both checks read
   * the small queue table, each one a single step into its own index (a backlog holds many rows of
   * one key, and one check for both would read them all); the journal row itself is only updated.
   * The {@code OFFSET 0} keeps the second check a step into its index: without it, PostgreSQL may
   * read every claimed row into a hash table first, sized by its estimate of how many there are;
   * with the statistics of a busy queue that estimate runs to tens of thousands, and allocating the
   * table took 0.6–1.2 ms of each claim, where the claim's own work took 0.2.
   */
  static final String CLAIM_DUE =
      """
      WITH picked AS (
          SELECT q.exchange_id AS id FROM exchange_queue q
          WHERE NOT q.claimed AND q.next_attempt_at <= ?
            AND (q.correlation_key IS NULL OR (
                NOT EXISTS (
                    SELECT 1 FROM exchange_queue p
                    WHERE p.direction = q.direction AND p.correlation_key = q.correlation_key
                      AND p.exchange_id < q.exchange_id)
                AND NOT EXISTS (
                    SELECT 1 FROM exchange_queue p
                    WHERE p.direction = q.direction AND p.correlation_key = q.correlation_key
                      AND p.claimed
                    OFFSET 0)))
          ORDER BY q.exchange_id
          LIMIT ?
          FOR UPDATE OF q SKIP LOCKED),
      queued AS (
          UPDATE exchange_queue q SET claimed = true FROM picked WHERE q.exchange_id = picked.id)
      UPDATE exchange x
      SET status = 'PROCESSING', attempts = x.attempts + 1, claim_seq = x.claim_seq + 1,
          claimed_by = ?, lease_until = ?, updated_at = ?
      FROM picked WHERE x.id = picked.id
      RETURNING x.*
      """;

  /**
   * Rows whose worker stopped (crash, kill, lost network) without finishing them: looked up by id
   * among the claimed rows of the queue, which are only as many as the workers hold. As a join, the
   * planner may instead walk the whole journal in id order to meet the queue (200 ms a call with 2
   * million rows of history); a list of ids leaves it only the primary key.
   */
  static final String RECLAIM_EXPIRED =
      """
      WITH picked AS (
          SELECT e.id, e.claimed_by AS previous FROM exchange e
          WHERE e.id = ANY (ARRAY(SELECT exchange_id FROM exchange_queue WHERE claimed))
            AND e.status = 'PROCESSING' AND e.lease_until < ?
          ORDER BY e.lease_until
          LIMIT ?
          FOR UPDATE OF e SKIP LOCKED)
      UPDATE exchange x
      SET attempts = x.attempts + 1, claim_seq = x.claim_seq + 1,
          claimed_by = ?, lease_until = ?, updated_at = ?
      FROM picked WHERE x.id = picked.id
      RETURNING x.*, picked.previous
      """;

  /**
   * The claim's only good plan walks the queue's index in id order and stops after {@code max}
   * rows. The planner picks another one (read every waiting row, check each one's key, then sort)
   * when its statistics say the queue is empty, as they do after a vacuum of an idle queue; a
   * backlog arriving then would be claimed at a few rows a second until the next analyze. So the
   * claim's transaction rules out the other plans, and since no other is left, keeps the one it has
   * instead of planning again on every call.
   */
  static final String ORDERED_WALK_ONLY =
      """
      SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
             set_config('enable_sort', 'off', true),
             set_config('plan_cache_mode', 'force_generic_plan', true)
      """;

  /**
   * See {@link #finishAll}; events only for the rows whose claims still held. A finished row leaves
   * the queue, except an outbound row of a key that FAILED: it stays, marked claimed (by the error
   * queue, as it were) and never due, so the rows of its key behind it wait — a receiver must not
   * get an S14 for an appointment whose S12 it never got. Reprocessing or discarding it lets them
   * go.
   */
  private static final String FINISH_ALL =
      """
      WITH done AS (
          UPDATE exchange x SET status = f.status, error_code = f.code, error_text = f.text,
              claimed_by = NULL, lease_until = NULL, next_attempt_at = NULL,
              completed_at = ?, updated_at = ?
          FROM unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[])
              AS f(id, seq, status, code, text)
          WHERE x.id = f.id AND x.status = 'PROCESSING' AND x.claim_seq = f.seq
            AND x.claimed_by = ?
          RETURNING x.id, (x.status = 'FAILED' AND x.direction = 'OUTBOUND'
                           AND x.correlation_key IS NOT NULL) AS holds),
      dequeued AS (
          DELETE FROM exchange_queue q USING done WHERE q.exchange_id = done.id AND NOT done.holds),
      held AS (
          UPDATE exchange_queue q SET claimed = true, next_attempt_at = 'infinity'
          FROM done WHERE q.exchange_id = done.id AND done.holds),
      logged AS (%s WHERE e.id IN (SELECT id FROM done))
      SELECT count(*) FROM done
      """
          .formatted(ExchangeRepository.INSERT_EVENTS.strip());

  /** See {@link #retryLater}; the event only when the claim still held. */
  private static final String RETRY_LATER =
      """
      WITH back AS (
          UPDATE exchange SET status = ?, next_attempt_at = ?, error_code = ?,
              error_text = ?, claimed_by = NULL, lease_until = NULL, updated_at = ?
          WHERE id = ? AND status = 'PROCESSING' AND claim_seq = ? AND claimed_by = ?
          RETURNING id, next_attempt_at),
      queued AS (
          UPDATE exchange_queue q SET claimed = false, next_attempt_at = back.next_attempt_at
          FROM back WHERE q.exchange_id = back.id),
      logged AS (%s WHERE e.id IN (SELECT id FROM back))
      SELECT count(*) FROM back
      """
          .formatted(ExchangeRepository.INSERT_EVENTS.strip());

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  ClaimRepository(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /**
   * A claim commits on its own, even when called inside another transaction, so that its planner
   * settings end with it.
   */
  static TransactionTemplate ownTransactions(PlatformTransactionManager transactions) {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return tx;
  }

  /** A row this node holds, and the fence its later writes must pass. */
  record Claim(Exchange exchange, int seq, String node, String previousNode) {

    long id() {
      return exchange.id();
    }

    boolean reclaimed() {
      return previousNode != null;
    }
  }

  /**
   * Claims expired rows first when {@code reclaim} (leases run out after minutes, so looking for
   * them on every claim only costs), then due ones, up to {@code max} in all.
   */
  List<Claim> claim(String node, int max, Instant now, Instant leaseUntil, boolean reclaim) {
    return tx.execute(
        status -> {
          jdbc.sql(ORDERED_WALK_ONLY).query((rs, n) -> 1).list();
          List<Claim> claims =
              new ArrayList<>(reclaim ? reclaimExpired(node, max, now, leaseUntil) : List.of());
          if (claims.size() < max) {
            claims.addAll(
                jdbc.sql(CLAIM_DUE)
                    .params(ts(now), max - claims.size(), node, ts(leaseUntil), ts(now))
                    .query(
                        (rs, n) ->
                            new Claim(
                                ExchangeRepository.map(rs, n), rs.getInt("claim_seq"), node, null))
                    .list());
          }
          return claims;
        });
  }

  private List<Claim> reclaimExpired(String node, int max, Instant now, Instant leaseUntil) {
    return jdbc.sql(RECLAIM_EXPIRED)
        .params(ts(now), max, node, ts(leaseUntil), ts(now))
        .query(
            (rs, n) ->
                new Claim(
                    ExchangeRepository.map(rs, n),
                    rs.getInt("claim_seq"),
                    node,
                    rs.getString("previous") == null ? "?" : rs.getString("previous")))
        .list();
  }

  /**
   * Inside the apply transaction: locks the rows these claims still hold, and answers their sealed
   * payloads by id (a null body where a row has none), in the same round trip. The lock keeps other
   * nodes from reclaiming a row while its handler runs; a claim that was lost is left out.
   */
  Map<Long, byte[]> lockAndReadPayloads(List<Claim> claims) {
    Map<Long, byte[]> sealed = new HashMap<>();
    jdbc.sql(
            """
            SELECT x.id, p.body FROM exchange x
            JOIN unnest(?::bigint[], ?::int[]) AS c(id, seq) ON x.id = c.id
            LEFT JOIN exchange_payload p ON p.exchange_id = x.id
            WHERE x.status = 'PROCESSING' AND x.claim_seq = c.seq AND x.claimed_by = ?
            ORDER BY x.id
            FOR UPDATE OF x
            """)
        .params(
            claims.stream().map(Claim::id).toArray(Long[]::new),
            claims.stream().map(Claim::seq).toArray(Integer[]::new),
            node(claims))
        .query(
            rs -> {
              sealed.put(rs.getLong(1), rs.getBytes(2));
            });
    return sealed;
  }

  /** Throws when the current transaction can run no more statements (one of them failed). */
  void checkTransactionUsable() {
    jdbc.sql("SELECT 1").query(Integer.class).single();
  }

  /** How one claim of {@link #finishAll} ended, and how long its attempt took. */
  record Finish(Claim claim, Ending end, long millis) {

    NewEvent event() {
      return attemptEvent(claim, end, millis);
    }
  }

  /** The event that logs how this node's attempt on a claimed row ended. */
  private static NewEvent attemptEvent(Claim claim, Ending end, long millis) {
    return new NewEvent(
        claim.id(),
        end.kind(),
        claim.exchange().attempts(),
        EventDetail.worker(claim.node(), end.code(), end.text(), millis));
  }

  /**
   * Ends many attempts of this node in finished statuses, in one statement: takes them off the
   * queue and logs each one's event. Answers how many claims still held (the rest were lost, and
   * got no event).
   */
  int finishAll(List<Finish> ends, Instant now) {
    List<Object> params = new ArrayList<>();
    params.add(ts(now));
    params.add(ts(now));
    params.add(ends.stream().map(f -> f.claim().id()).toArray(Long[]::new));
    params.add(ends.stream().map(f -> f.claim().seq()).toArray(Integer[]::new));
    params.add(ends.stream().map(f -> f.end().status().name()).toArray(String[]::new));
    params.add(ends.stream().map(f -> f.end().code()).toArray(String[]::new));
    params.add(ends.stream().map(f -> f.end().text()).toArray(String[]::new));
    params.add(node(ends.stream().map(Finish::claim).toList()));
    params.addAll(ExchangeRepository.eventParams(ends.stream().map(Finish::event).toList(), now));
    return jdbc.sql(FINISH_ALL).params(params).query(Integer.class).single();
  }

  private static String node(List<Claim> claims) {
    String node = claims.get(0).node();
    if (claims.stream().anyMatch(c -> !c.node().equals(node))) {
      throw new IllegalArgumentException("claims of more than one node");
    }
    return node;
  }

  /** Ends the attempt in a finished status and logs its event; false when the claim was lost. */
  boolean finish(Claim claim, Ending end, long millis, Instant now) {
    return finishAll(List.of(new Finish(claim, end, millis)), now) == 1;
  }

  /**
   * Sends the row back to wait until {@code next} and logs its event, in one statement; false when
   * the claim was lost (then nothing is written).
   */
  boolean retryLater(Claim claim, Instant next, Ending end, long millis, Instant now) {
    List<Object> params = new ArrayList<>();
    params.add(claim.exchange().direction().waiting().name());
    params.add(ts(next));
    params.add(end.code());
    params.add(end.text());
    params.add(ts(now));
    params.add(claim.id());
    params.add(claim.seq());
    params.add(claim.node());
    params.addAll(ExchangeRepository.eventParams(List.of(attemptEvent(claim, end, millis)), now));
    return jdbc.sql(RETRY_LATER).params(params).query(Integer.class).single() == 1;
  }

  /** Removes the queue's dead rows now, unless a vacuum of it is already running. */
  void vacuumQueue() {
    jdbc.sql("VACUUM (SKIP_LOCKED) exchange_queue").update();
  }

  /** Extends the leases of the rows this node is working on. */
  int heartbeat(String node, Collection<Long> ids, Instant leaseUntil) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "UPDATE exchange SET lease_until = ?"
                + " WHERE status = 'PROCESSING' AND claimed_by = ? AND id = ANY(?)")
        .params(ts(leaseUntil), node, ids.toArray(Long[]::new))
        .update();
  }
}
