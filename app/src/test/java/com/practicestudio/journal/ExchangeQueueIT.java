package com.practicestudio.journal;

import static com.practicestudio.journal.ExchangeRepository.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.web.ConflictException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workers' queue holds exactly the rows that wait or are being worked on: a row enters it when
 * recorded or requeued, is marked while claimed, goes back on a retry and leaves when it finishes
 * or is discarded (a failed outbound row stays, holding its key: {@link OutboundHoldIT}). The claim
 * reads nothing else, so a row missing here would never be applied.
 */
class ExchangeQueueIT {

  /** A queue row as the claim sees it. */
  record Queued(String direction, String correlationKey, Instant nextAttemptAt, boolean claimed) {}

  private JournalFixture node;
  private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.done());
  private final List<Optional<Queued>> seenByHandler = new ArrayList<>();

  @BeforeEach
  void journal() {
    JournalDatabase.clean();
    node = new JournalFixture();
    node.handle(
        "HL7 INBOUND *",
        (e, p, c) -> {
          seenByHandler.add(queued(e.id()));
          return outcome.get();
        });
  }

  @AfterEach
  void close() {
    node.close();
  }

  @Test
  void a_recorded_row_waits_in_the_queue_with_its_key_and_due_time() throws Exception {
    long single = node.inbound("ADT^A04", "LAB", "q-1", "MRN:1", "MSH|").id();
    long grouped =
        node.journal()
            .submitInbound(message("ADT^A08", "q-2", "MRN:2"))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .id();
    long outbound =
        node.journal()
            .recordOutbound(
                OutboundMessage.of(Channel.HL7, "SIU^S12", "practice-studio", payload())
                    .withCorrelationKey("MRN:3"));

    Instant now = JournalFixture.START;
    assertThat(queued(single)).contains(new Queued("INBOUND", "MRN:1", now, false));
    assertThat(queued(grouped)).contains(new Queued("INBOUND", "MRN:2", now, false));
    assertThat(queued(outbound)).contains(new Queued("OUTBOUND", "MRN:3", now, false));
  }

  @Test
  void a_duplicate_is_queued_once() {
    long first = node.inbound("ADT^A04", "LAB", "q-dup", "MRN:1", "MSH|").id();
    Recorded again = node.inbound("ADT^A04", "LAB", "q-dup", "MRN:1", "MSH|");

    assertThat(again.duplicate()).isTrue();
    assertThat(again.id()).isEqualTo(first);
    assertThat(queueSize()).isEqualTo(1);
  }

  @Test
  void a_claimed_row_is_marked_goes_back_on_a_retry_and_leaves_when_applied() {
    long id = node.inbound("ADT^A04", "LAB", "q-3", "MRN:1", "MSH|").id();
    WorkerPool pool = node.pool("a", 1);

    outcome.set(Outcome.retry("TEST-503", "remote down"));
    assertThat(pool.runDue()).isEqualTo(1);
    assertThat(seenByHandler).containsExactly(Optional.of(claimed("MRN:1", JournalFixture.START)));
    assertThat(queued(id))
        .as("back in line until its backoff has passed")
        .contains(new Queued("INBOUND", "MRN:1", JournalFixture.START.plusSeconds(10), false));

    outcome.set(Outcome.done());
    node.clock.advance(Duration.ofSeconds(10));
    assertThat(pool.runDue()).isEqualTo(1);

    assertThat(node.row(id).status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(queued(id)).isEmpty();
  }

  @Test
  void a_failed_row_leaves_the_queue_and_a_requeue_puts_it_back() {
    long id = node.inbound("ADT^A04", "LAB", "q-4", "MRN:1", "MSH|").id();
    outcome.set(Outcome.failed("TEST-422", "mapping missing"));
    node.pool("a", 1).runDue();
    assertThat(node.row(id).status()).isEqualTo(ExchangeStatus.FAILED);
    assertThat(queued(id)).isEmpty();

    node.clock.advance(Duration.ofMinutes(1));
    node.reprocessing().requeue(id);

    assertThat(queued(id))
        .contains(new Queued("INBOUND", "MRN:1", JournalFixture.START.plusSeconds(60), false));
    outcome.set(Outcome.done());
    assertThat(node.pool("a", 1).runDue()).isEqualTo(1);
    assertThat(node.row(id).status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(queued(id)).isEmpty();
  }

  @Test
  void a_discarded_waiting_row_leaves_the_queue_and_is_never_claimed() {
    long id = node.inbound("ADT^A04", "LAB", "q-5", "MRN:1", "MSH|").id();

    assertThat(node.reprocessing().discard(id, "sent twice by mistake").status())
        .isEqualTo(ExchangeStatus.DISCARDED);

    assertThat(queued(id)).isEmpty();
    assertThat(node.pool("a", 1).runDue()).isZero();
    assertThat(seenByHandler).isEmpty();
  }

  @Test
  void a_row_being_worked_on_cannot_be_discarded_and_stays_claimed() {
    long id = node.inbound("ADT^A04", "LAB", "q-6", "MRN:1", "MSH|").id();
    Instant now = JournalFixture.START;
    List<ClaimRepository.Claim> claims =
        node.store.claims().claim("a", 10, now, now.plus(Duration.ofMinutes(5)), false);
    assertThat(claims).extracting(ClaimRepository.Claim::id).containsExactly(id);

    assertThatThrownBy(() -> node.reprocessing().discard(id, "changed my mind"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PROCESSING");

    assertThat(queued(id)).contains(claimed("MRN:1", now));
    assertThat(node.row(id).status()).isEqualTo(ExchangeStatus.PROCESSING);
  }

  @Test
  void rows_of_one_key_are_claimed_in_order_and_others_pass_a_waiting_one() {
    long first = node.inbound("ADT^A04", "LAB", "q-7", "MRN:1", "MSH|").id();
    long second = node.inbound("ADT^A08", "LAB", "q-8", "MRN:1", "MSH|").id();
    long other = node.inbound("ADT^A04", "LAB", "q-9", "MRN:2", "MSH|").id();
    outcome.set(Outcome.retry("TEST-503", "remote down"));

    node.pool("a", 1).runDue();

    assertThat(node.row(first).attempts()).isEqualTo(1);
    assertThat(node.row(second).attempts()).as("behind the first of its key").isZero();
    assertThat(node.row(other).attempts()).isEqualTo(1);
    assertThat(queueSize()).isEqualTo(3);
  }

  @Test
  void the_claim_walks_the_queue_in_order_even_when_its_statistics_say_it_is_empty() {
    node.jdbc.sql("VACUUM ANALYZE exchange_queue").update();
    queueBurst(5000);

    assertThat(explainClaim())
        .as("stops after 20 rows instead of checking all 5,000 and sorting them")
        .contains("Index Scan using exchange_queue_waiting")
        .doesNotContain("Sort")
        .doesNotContain("Bitmap")
        .doesNotContain("Seq Scan");
  }

  @Test
  void the_claim_looks_up_a_key_being_worked_on_in_its_index_even_when_many_rows_were_claimed() {
    queueBurst(5000);
    node.jdbc.sql("UPDATE exchange_queue SET claimed = true WHERE exchange_id % 2 = 0").update();
    node.jdbc.sql("ANALYZE exchange_queue").update();
    node.jdbc.sql("UPDATE exchange_queue SET claimed = false").update();

    assertThat(explainClaim())
        .as("one step into the claimed rows' index for each row, not all of them hashed first")
        .contains("Index Only Scan using exchange_queue_claimed")
        .doesNotContain("hashed");
  }

  @Test
  void a_vacuum_of_the_queue_keeps_its_empty_pages() {
    // Giving them back takes a lock that stops every claim and insert. (A vacuum here cannot show
    // it: the test's other connections hold back the rows it may remove.)
    assertThat(
            node.jdbc
                .sql("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = ?")
                .param("exchange_queue")
                .query(String.class)
                .single())
        .contains("vacuum_truncate=false");
  }

  /** Rows waiting in the queue, 500 keys among them, inserted as the journal's writer would. */
  private void queueBurst(int rows) {
    node.jdbc
        .sql(
            """
            WITH ins AS (
                INSERT INTO exchange (channel, direction, message_type, sender, message_id,
                    correlation_key, status, next_attempt_at, received_at, updated_at)
                SELECT 'HL7', 'INBOUND', 'ADT^A04', 'LAB', 'burst-' || g, 'MRN:' || (g % 500),
                    'RECEIVED', now(), now(), now()
                FROM generate_series(1, ?) g
                RETURNING id, correlation_key, next_attempt_at)
            INSERT INTO exchange_queue (exchange_id, direction, correlation_key, next_attempt_at)
            SELECT id, 'INBOUND', correlation_key, next_attempt_at FROM ins
            """)
        .param(rows)
        .update();
  }

  /**
   * The plan the claim runs on: its generic plan, as the driver prepares the statement after a few
   * calls and the claim's transaction forces a generic plan. (A statement sent with its values gets
   * a plan made for them, here for LIMIT 20.)
   */
  private String explainClaim() {
    String sql = ClaimRepository.CLAIM_DUE;
    for (int n = 1; sql.contains("?"); n++) {
      sql = sql.replaceFirst("\\?", "\\$" + n);
    }
    String prepared = sql;
    return node.store
        .tx()
        .execute(
            status -> {
              node.jdbc
                  .sql(
                      "PREPARE claim_plan (timestamptz, int, text, timestamptz, timestamptz) AS "
                          + prepared)
                  .update();
              try {
                // the values written out: EXPLAIN takes no bound parameters for an EXECUTE
                Instant now = JournalFixture.START;
                return explainAsClaimed(
                    "EXECUTE claim_plan('%s', 20, 'a', '%s', '%s')"
                        .formatted(now.plusSeconds(60), now, now));
              } finally {
                node.jdbc.sql("DEALLOCATE claim_plan").update();
              }
            });
  }

  @Test
  void rows_ended_outside_the_applied_path_are_found_by_their_status() {
    outcome.set(Outcome.failed("TEST-422", "mapping missing"));
    long failed = node.inbound("ADT^A04", "LAB", "x-1", "MRN:1", "MSH|").id();
    node.pool("a", 1).runDue();
    long discarded = node.inbound("ADT^A04", "LAB", "x-2", "MRN:2", "MSH|").id();
    node.reprocessing().discard(discarded, "test message");
    outcome.set(Outcome.done());
    long applied = node.inbound("ADT^A04", "LAB", "x-3", "MRN:3", "MSH|").id();
    node.pool("a", 1).runDue();

    assertThat(idsWith(ExchangeStatus.FAILED)).containsExactly(failed);
    assertThat(idsWith(ExchangeStatus.DISCARDED)).containsExactly(discarded);
    assertThat(idsWith(ExchangeStatus.APPLIED)).containsExactly(applied);
    assertThat(idsWith(ExchangeStatus.IGNORED)).isEmpty();

    node.reprocessing().requeue(failed);
    assertThat(idsWith(ExchangeStatus.FAILED)).as("requeued").isEmpty();
    assertThat(idsWith(ExchangeStatus.RECEIVED)).containsExactly(failed);
  }

  @Test
  void claiming_and_applying_a_row_adds_no_index_entries_to_the_journal() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(node.inbound("ADT^A04", "LAB", "h-" + i, "MRN:" + i, "MSH|").id());
    }

    assertThat(node.pool("a", 2).runDue()).isEqualTo(10);

    assertThat(node.row(ids.get(0)).status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(node.heapOnly(ids))
        .as("rows whose applied version was written without index entries (a HOT update)")
        .isEqualTo(10);
  }

  @Test
  void the_search_by_message_id_and_the_events_of_a_row_each_read_an_index_that_must_exist() {
    String plans =
        explainAsClaimed("SELECT id FROM exchange WHERE message_id = 'x-1'")
            + "\n"
            + explainAsClaimed("SELECT * FROM exchange_event WHERE exchange_id = 1 ORDER BY id");

    assertThat(plans)
        .as("the de-duplication index and the events' primary key, no index of their own")
        .contains("using exchange_dedup on exchange")
        .contains("using exchange_event_pkey on exchange_event")
        .doesNotContain("Sort");
  }

  private List<Long> idsWith(ExchangeStatus status) {
    return node.journal().search(ExchangeQuery.all().withStatus(status), 50, null).items().stream()
        .map(Exchange::id)
        .toList();
  }

  @Test
  void expired_leases_are_looked_for_among_the_claimed_rows_only() {
    node.jdbc
        .sql(
            """
            INSERT INTO exchange (channel, direction, message_type, sender, message_id, status,
                received_at, completed_at, updated_at)
            SELECT 'HL7', 'INBOUND', 'ADT^A04', 'LAB', 'history-' || g, 'APPLIED', now(), now(), now()
            FROM generate_series(1, 20000) g
            """)
        .update();
    node.inbound("ADT^A04", "LAB", "l-1", "MRN:1", "MSH|");
    Instant now = JournalFixture.START;
    node.store.claims().claim("a", 10, now, now.plus(Duration.ofMinutes(5)), false);
    node.jdbc.sql("VACUUM ANALYZE exchange").update();

    String plan =
        explainAsClaimed(ClaimRepository.RECLAIM_EXPIRED, ts(now), 20, "b", ts(now), ts(now));

    assertThat(plan)
        .as("looks the claimed rows up by id instead of walking the journal")
        .contains("Index Scan using exchange_pkey on exchange e")
        .contains("Index Cond: (id = ANY (")
        .doesNotContain("Merge Join")
        .doesNotContain("Hash Join")
        .doesNotContain("Seq Scan");
  }

  /** The plan of one of the claim's statements, in a transaction with the claim's settings. */
  private String explainAsClaimed(String sql, Object... params) {
    return node.store
        .tx()
        .execute(
            status -> {
              node.jdbc.sql(ClaimRepository.ORDERED_WALK_ONLY).query((rs, n) -> 1).list();
              return String.join(
                  "\n", node.jdbc.sql("EXPLAIN " + sql).params(params).query(String.class).list());
            });
  }

  private static Queued claimed(String key, Instant due) {
    return new Queued("INBOUND", key, due, true);
  }

  private Optional<Queued> queued(long id) {
    return node.jdbc
        .sql(
            "SELECT direction, correlation_key, next_attempt_at, claimed FROM exchange_queue"
                + " WHERE exchange_id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Queued(
                    rs.getString("direction"),
                    rs.getString("correlation_key"),
                    rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                    rs.getBoolean("claimed")))
        .optional();
  }

  private long queueSize() {
    return node.jdbc.sql("SELECT count(*) FROM exchange_queue").query(Long.class).single();
  }

  private static InboundMessage message(String type, String id, String key) {
    return InboundMessage.of(Channel.HL7, type, "LAB", id, payload()).withCorrelationKey(key);
  }

  private static Payload payload() {
    return new Payload("MSH|".getBytes(StandardCharsets.UTF_8), "application/hl7-v2");
  }
}
