package com.practicestudio.journal;

import static com.practicestudio.journal.ExchangeRepository.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The operators' side of the journal: requeueing finished rows and discarding unwanted ones. */
final class RequeueRepository {

  private final JdbcClient jdbc;

  RequeueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Puts reprocessable rows back in line, due now, with a fresh attempt count; rows in other
   * statuses are left alone. A failed outbound row still holds its place in the queue (see {@code
   * ClaimRepository.FINISH_ALL}) and is made due there. Answers the rows it requeued.
   */
  List<Exchange> requeue(Collection<Long> ids, Instant now) {
    return jdbc.sql(
            """
            WITH back AS (
                UPDATE exchange
                SET status = CASE direction WHEN 'INBOUND' THEN 'RECEIVED' ELSE 'PENDING' END,
                    attempts = 0, next_attempt_at = ?, error_code = NULL, error_text = NULL,
                    claimed_by = NULL, lease_until = NULL, completed_at = NULL, updated_at = ?
                WHERE id = ANY(?) AND status IN ('FAILED', 'APPLIED', 'DELIVERED', 'IGNORED')
                RETURNING %s),
            queued AS (%s
                ON CONFLICT (exchange_id) DO UPDATE
                SET claimed = false, next_attempt_at = EXCLUDED.next_attempt_at)
            SELECT * FROM back
            """
                .formatted(ExchangeRepository.COLUMNS, ExchangeRepository.enqueue("back")))
        .params(ts(now), ts(now), ids.toArray(Long[]::new))
        .query(ExchangeRepository::map)
        .list();
  }

  /**
   * Discards a waiting or failed row; empty when it is in another status (or absent). A waiting row
   * leaves the queue first, so a worker claiming it at the same moment either gets it before (and
   * the discard finds it PROCESSING) or not at all; the queue row is locked before the journal row,
   * in the claim's order. A failed outbound row holding its key's place leaves the queue too, which
   * lets the rows behind it go.
   */
  Optional<Exchange> discard(long id, Instant now) {
    return jdbc.sql(
            """
            WITH dequeued AS (
                DELETE FROM exchange_queue q WHERE q.exchange_id = ? AND (NOT q.claimed
                    OR EXISTS (SELECT 1 FROM exchange e
                               WHERE e.id = q.exchange_id AND e.status = 'FAILED'))
                RETURNING exchange_id)
            UPDATE exchange
            SET status = 'DISCARDED', next_attempt_at = NULL, completed_at = ?, updated_at = ?
            WHERE id = ? AND (status = 'FAILED'
                OR (status IN ('RECEIVED', 'PENDING') AND EXISTS (SELECT 1 FROM dequeued)))
            RETURNING %s
            """
                .formatted(ExchangeRepository.COLUMNS))
        .params(id, ts(now), ts(now), id)
        .query(ExchangeRepository::map)
        .optional();
  }
}
