package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.journal.ClaimRepository.Claim;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Retries, failures and crash recovery, driven step by step: the test moves the clock and runs due
 * rows itself ({@link WorkerPool#runDue()}), so no assertion depends on how long anything takes.
 */
class RetryAndRecoveryIT {

  private static final Duration LEASE = Duration.ofMinutes(5);

  @BeforeEach
  void emptyJournal() {
    JournalDatabase.clean();
  }

  @Test
  void a_retryable_failure_is_retried_with_growing_backoff_then_fails() {
    try (JournalFixture node = new JournalFixture()) {
      AtomicInteger calls = new AtomicInteger();
      node.handle(
          "HL7 INBOUND ADT^A04",
          (e, p, c) -> {
            calls.incrementAndGet();
            return Outcome.retry("TEST-503", "remote down");
          });
      WorkerPool pool = node.pool("a", 1);
      long id = node.inbound("ADT^A04", "LAB", "r-1", "MRN:1", "MSH|").id();

      assertThat(pool.runDue()).isEqualTo(1);
      Exchange first = node.row(id);
      assertThat(first.status()).isEqualTo(ExchangeStatus.RECEIVED);
      assertThat(first.attempts()).isEqualTo(1);
      assertThat(first.nextAttemptAt()).isEqualTo(JournalFixture.START.plusSeconds(10));
      assertThat(first.errorCode()).isEqualTo("TEST-503");
      assertThat(first.claimedBy()).isNull();

      assertThat(pool.runDue()).as("not due before its backoff").isZero();
      node.clock.advance(Duration.ofSeconds(9));
      assertThat(pool.runDue()).isZero();
      node.clock.advance(Duration.ofSeconds(1));
      assertThat(pool.runDue()).isEqualTo(1);
      Exchange second = node.row(id);
      assertThat(second.attempts()).isEqualTo(2);
      assertThat(second.nextAttemptAt()).isEqualTo(node.clock.instant().plusSeconds(20));

      node.clock.advance(Duration.ofSeconds(20));
      assertThat(pool.runDue()).isEqualTo(1);
      Exchange last = node.row(id);
      assertThat(last.status()).isEqualTo(ExchangeStatus.FAILED);
      assertThat(last.attempts()).isEqualTo(3);
      assertThat(last.nextAttemptAt()).isNull();
      assertThat(last.completedAt()).isEqualTo(node.clock.instant());
      assertThat(last.errorCode()).isEqualTo("TEST-503");
      assertThat(calls).hasValue(3);
      assertThat(node.events(id))
          .extracting(ExchangeEvent::kind, ExchangeEvent::attempt, ExchangeEvent::node)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("RETRY", 1, "a"),
              org.assertj.core.groups.Tuple.tuple("RETRY", 2, "a"),
              org.assertj.core.groups.Tuple.tuple("FAILED", 3, "a"));

      node.clock.advance(Duration.ofHours(1));
      assertThat(pool.runDue()).as("a failed row waits for an operator").isZero();
    }
  }

  @Test
  void a_record_created_at_the_same_moment_by_another_row_is_retried_at_once() {
    try (JournalFixture node = new JournalFixture()) {
      AtomicInteger calls = new AtomicInteger();
      node.handle(
          "HL7 INBOUND ADT^A04",
          (e, p, c) -> {
            if (calls.incrementAndGet() == 1) {
              throw new DuplicateKeyException("provider_external_id_key");
            }
            return Outcome.done();
          });
      WorkerPool pool = node.pool("a", 1);
      long id = node.inbound("ADT^A04", "LAB", "d-1", "MRN:11", "MSH|").id();

      assertThat(pool.runDue()).isEqualTo(1);

      assertThat(node.row(id).status()).isEqualTo(ExchangeStatus.APPLIED);
      assertThat(node.row(id).attempts()).as("no backoff spent").isEqualTo(1);
      assertThat(calls).hasValue(2);
    }
  }

  @Test
  void a_lasting_duplicate_key_is_retried_once_at_once_then_by_the_policy() {
    try (JournalFixture node = new JournalFixture()) {
      AtomicInteger calls = new AtomicInteger();
      node.handle(
          "HL7 INBOUND ADT^A04",
          (e, p, c) -> {
            calls.incrementAndGet();
            throw new DuplicateKeyException("patient_mrn_key");
          });
      WorkerPool pool = node.pool("a", 1);
      long id = node.inbound("ADT^A04", "LAB", "d-2", "MRN:12", "MSH|").id();

      assertThat(pool.runDue()).isEqualTo(1);

      Exchange row = node.row(id);
      assertThat(row.status()).isEqualTo(ExchangeStatus.RECEIVED);
      assertThat(row.errorCode()).isEqualTo(JournalError.DUPLICATE_KEY.code());
      assertThat(row.nextAttemptAt()).isEqualTo(JournalFixture.START.plusSeconds(10));
      assertThat(calls).hasValue(2);
    }
  }

  @Test
  void a_failing_row_does_not_block_later_rows_of_its_key_once_failed() {
    try (JournalFixture node = new JournalFixture()) {
      node.handle("HL7 INBOUND ADT^A04", (e, p, c) -> Outcome.failed("TEST-400", "bad PID"));
      RecordingHandler later = new RecordingHandler(node.jdbc, "a", 0);
      node.handle("HL7 INBOUND ADT^A08", later);
      WorkerPool pool = node.pool("a", 1);
      long bad = node.inbound("ADT^A04", "LAB", "f-1", "MRN:7", "MSH|").id();
      long good = node.inbound("ADT^A08", "LAB", "f-2", "MRN:7", "MSH|").id();

      assertThat(pool.runDue()).isEqualTo(2);

      assertThat(node.row(bad).status()).isEqualTo(ExchangeStatus.FAILED);
      assertThat(node.row(bad).attempts()).as("bad data fails at once").isEqualTo(1);
      assertThat(node.row(good).status()).isEqualTo(ExchangeStatus.APPLIED);
    }
  }

  @Test
  void a_row_waiting_for_its_retry_holds_back_later_rows_of_its_key() {
    try (JournalFixture node = new JournalFixture()) {
      AtomicInteger tries = new AtomicInteger();
      node.handle(
          "HL7 INBOUND ADT^A04",
          (e, p, c) ->
              tries.incrementAndGet() < 2 ? Outcome.retry("TEST-503", "down") : Outcome.done());
      RecordingHandler later = new RecordingHandler(node.jdbc, "a", 0);
      node.handle("HL7 INBOUND ADT^A08", later);
      WorkerPool pool = node.pool("a", 1);
      long first = node.inbound("ADT^A04", "LAB", "w-1", "MRN:8", "MSH|").id();
      long second = node.inbound("ADT^A08", "LAB", "w-2", "MRN:8", "MSH|").id();
      long other = node.inbound("ADT^A08", "LAB", "w-3", "MRN:9", "MSH|").id();

      assertThat(pool.runDue()).as("first (retry) and the other key's row").isEqualTo(2);
      assertThat(node.row(second).status()).isEqualTo(ExchangeStatus.RECEIVED);
      assertThat(node.row(other).status()).isEqualTo(ExchangeStatus.APPLIED);

      node.clock.advance(Duration.ofSeconds(10));
      assertThat(pool.runDue()).isEqualTo(2);
      assertThat(node.row(first).status()).isEqualTo(ExchangeStatus.APPLIED);
      assertThat(node.row(first).attempts()).isEqualTo(2);
      assertThat(node.row(second).status()).isEqualTo(ExchangeStatus.APPLIED);
    }
  }

  @Test
  void a_failed_attempt_rolls_back_the_handlers_local_writes() {
    try (JournalFixture node = new JournalFixture()) {
      RecordingHandler writes = new RecordingHandler(node.jdbc, "a", 0);
      node.handle(
          "HL7 INBOUND ADT^A04",
          (e, p, c) -> {
            writes.apply(e, p, c);
            throw new IllegalStateException("boom after writing");
          });
      long id = node.inbound("ADT^A04", "LAB", "rb-1", null, "MSH|").id();

      node.pool("a", 1).runDue();

      Exchange row = node.row(id);
      assertThat(row.status()).isEqualTo(ExchangeStatus.RECEIVED);
      assertThat(row.errorCode()).isEqualTo(JournalError.HANDLER_EXCEPTION.code());
      assertThat(row.errorText()).isEqualTo("the handler threw IllegalStateException");
      assertThat(
              node.jdbc.sql("SELECT count(*) FROM journal_test_effect").query(Long.class).single())
          .isZero();
    }
  }

  @Test
  void a_handler_that_swallows_a_database_error_gets_its_attempt_retried() {
    try (JournalFixture node = new JournalFixture()) {
      node.handle(
          "HL7 INBOUND ADT^A04",
          (e, p, c) -> {
            try {
              node.jdbc.sql("SELECT 1 / 0").query(Integer.class).single();
            } catch (RuntimeException swallowed) {
              // a handler bug: the transaction is now aborted
            }
            return Outcome.done();
          });
      long id = node.inbound("ADT^A04", "LAB", "db-1", null, "MSH|").id();

      node.pool("a", 1).runDue();

      Exchange row = node.row(id);
      assertThat(row.status()).isEqualTo(ExchangeStatus.RECEIVED);
      assertThat(row.errorCode()).isEqualTo(JournalError.DATABASE.code());
      assertThat(row.attempts()).isEqualTo(1);
    }
  }

  @Test
  void a_row_without_a_handler_fails_with_a_clear_code_and_an_ignore_rule_ignores() {
    try (JournalFixture node = new JournalFixture()) {
      node.ignoreRules.add(
          e ->
              e.messageType().equals("ADT^A31")
                  ? Optional.of("A31 not used here")
                  : Optional.empty());
      long unknown = node.inbound("ZZZ^Z01", "LAB", "n-1", null, "MSH|").id();
      long ignored = node.inbound("ADT^A31", "LAB", "n-2", null, "MSH|").id();

      node.pool("a", 1).runDue();

      assertThat(node.row(unknown).status()).isEqualTo(ExchangeStatus.FAILED);
      assertThat(node.row(unknown).errorCode()).isEqualTo("JOURNAL-001");
      assertThat(node.row(ignored).status()).isEqualTo(ExchangeStatus.IGNORED);
      assertThat(node.row(ignored).errorText()).isEqualTo("A31 not used here");
    }
  }

  @Test
  void outbound_rows_are_delivered_outside_a_transaction_and_inbound_rows_inside_one() {
    try (JournalFixture node = new JournalFixture()) {
      List<Boolean> inTransaction = new java.util.concurrent.CopyOnWriteArrayList<>();
      ExchangeHandler probe =
          (e, p, c) -> {
            inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            assertThat(p.text()).isEqualTo("SIU body");
            return Outcome.done();
          };
      node.handle("HL7 OUTBOUND SIU^S12", probe);
      node.handle("HL7 INBOUND SIU^S12", probe);
      long out =
          node.journal()
              .recordOutbound(
                  OutboundMessage.of(
                      Channel.HL7,
                      "SIU^S12",
                      "PRACTICE-STUDIO",
                      new Payload(
                          "SIU body".getBytes(StandardCharsets.UTF_8), "application/hl7-v2")));
      node.pool("a", 1).runDue();
      long in = node.inbound("SIU^S12", "LAB", "t-1", null, "SIU body").id();
      node.pool("a", 1).runDue();

      assertThat(node.row(out).status()).isEqualTo(ExchangeStatus.DELIVERED);
      assertThat(node.row(in).status()).isEqualTo(ExchangeStatus.APPLIED);
      assertThat(inTransaction).containsExactly(false, true);
    }
  }

  @Test
  void a_crash_between_claim_and_apply_loses_nothing_and_applies_once() {
    try (JournalFixture node = new JournalFixture()) {
      RecordingHandler handler = new RecordingHandler(node.jdbc, "b", 0);
      node.handle("HL7 INBOUND ADT^*", handler);
      long first = node.inbound("ADT^A04", "LAB", "c-1", "MRN:5", "MSH|").id();
      long second = node.inbound("ADT^A08", "LAB", "c-2", "MRN:5", "MSH|").id();

      // node "dead" claims the first row and dies before applying it
      Instant now = node.clock.instant();
      List<Claim> lost = node.store.claims().claim("dead", 10, now, now.plus(LEASE), true);
      assertThat(lost).extracting(Claim::id).containsExactly(first);
      assertThat(node.row(first).claimedBy()).isEqualTo("dead");

      WorkerPool survivor = node.pool("b", 2);
      assertThat(survivor.runDue()).as("leased row and the row behind it wait").isZero();

      node.clock.advance(LEASE.plusSeconds(1));
      assertThat(survivor.runDue()).isEqualTo(2);

      Exchange recovered = node.row(first);
      assertThat(recovered.status()).isEqualTo(ExchangeStatus.APPLIED);
      assertThat(recovered.attempts()).as("the lost attempt counts").isEqualTo(2);
      assertThat(node.events(first))
          .extracting(ExchangeEvent::kind, ExchangeEvent::node)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("LEASE_EXPIRED", "dead"),
              org.assertj.core.groups.Tuple.tuple("APPLIED", "b"));
      assertThat(node.row(second).status()).isEqualTo(ExchangeStatus.APPLIED);
      assertThat(handler.orderByKey.get("MRN:5")).containsExactly(first, second);

      // the dead node comes back and tries to finish its old claim: fenced off
      node.applier().apply(lost.get(0));
      Ending failed = new Ending(ExchangeStatus.FAILED, "FAILED", "X", "X");
      assertThat(node.store.claims().finish(lost.get(0), failed, 5, now)).isFalse();
      assertThat(handler.callsFor(first)).isEqualTo(1);
      assertThat(node.row(first).status()).isEqualTo(ExchangeStatus.APPLIED);
      assertThat(node.events(first))
          .as("a fenced-off finish logs no event")
          .extracting(ExchangeEvent::kind)
          .containsExactly("LEASE_EXPIRED", "APPLIED");
    }
  }

  @Test
  void a_running_pool_reclaims_an_expired_lease_when_the_clock_moves() {
    try (JournalFixture node = new JournalFixture()) {
      RecordingHandler handler = new RecordingHandler(node.jdbc, "b", 0);
      node.handle("HL7 INBOUND ADT^*", handler);
      long id = node.inbound("ADT^A04", "LAB", "k-1", "MRN:6", "MSH|").id();
      Instant now = node.clock.instant();
      node.store.claims().claim("killed", 10, now, now.plus(LEASE), true);
      WorkerPool pool = node.pool("b", 2);
      pool.start();

      node.clock.advance(LEASE.plusSeconds(1));
      pool.wake();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> node.row(id).status() == ExchangeStatus.APPLIED);
      assertThat(handler.callsFor(id)).isEqualTo(1);
    }
  }

  @Test
  void a_long_delivery_keeps_its_lease_alive_so_no_other_node_takes_it() throws Exception {
    try (JournalFixture a = new JournalFixture();
        JournalFixture b = new JournalFixture(a.clock)) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger deliveries = new AtomicInteger();
      ExchangeHandler slow =
          (e, p, c) -> {
            deliveries.incrementAndGet();
            release.await(30, TimeUnit.SECONDS);
            return Outcome.done();
          };
      a.handle("FHIR OUTBOUND *", slow);
      b.handle("FHIR OUTBOUND *", slow);
      long id =
          a.journal()
              .recordOutbound(
                  OutboundMessage.of(
                      Channel.FHIR, "Appointment.book", "PS", new Payload(new byte[] {1}, null)));
      a.pool("a", 1).start();
      await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.get() == 1);
      Instant firstLease = a.row(id).leaseUntil();

      a.clock.advance(LEASE.multipliedBy(2).dividedBy(3));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> a.row(id).leaseUntil().isAfter(firstLease));
      a.clock.advance(LEASE.multipliedBy(2).dividedBy(3));
      assertThat(b.pool("b", 1).runDue()).as("the lease was renewed in time").isZero();

      release.countDown();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> a.row(id).status() == ExchangeStatus.DELIVERED);
      assertThat(deliveries).hasValue(1);
    }
  }
}
