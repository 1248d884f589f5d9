package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A FAILED outbound row holds the rows of its key behind it until it is reprocessed or discarded: a
 * receiver must never get a change for something whose creation it never got. Inbound rows are not
 * held.
 */
class OutboundHoldIT {

  private JournalFixture node;
  private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.done());

  @BeforeEach
  void journal() {
    JournalDatabase.clean();
    node = new JournalFixture();
    node.handle("HL7 INBOUND *", (e, p, c) -> outcome.get());
  }

  @AfterEach
  void close() {
    node.close();
  }

  @Test
  void a_failed_outbound_row_holds_its_keys_rows_until_it_is_reprocessed() {
    List<Long> delivered = new ArrayList<>();
    long s12 = outbound("SIU^S12", "patient:1");
    long s14 = outbound("SIU^S14", "patient:1");
    long otherPatient = outbound("SIU^S12", "patient:2");
    AtomicReference<Outcome> first = new AtomicReference<>(Outcome.failed("TEST-422", "refused"));
    node.handle(
        "HL7 OUTBOUND *",
        (e, p, c) -> {
          if (e.id() == s12) {
            return first.get();
          }
          delivered.add(e.id());
          return Outcome.done();
        });
    WorkerPool pool = node.pool("a", 1);

    pool.runDue();
    pool.runDue();

    assertThat(node.row(s12).status()).isEqualTo(ExchangeStatus.FAILED);
    assertThat(delivered).as("the other patient's row is not held").containsExactly(otherPatient);
    assertThat(node.row(s14).status()).isEqualTo(ExchangeStatus.PENDING);
    assertThat(node.row(s14).attempts()).as("behind the failed row of its key").isZero();
    assertThat(queueRow(s12)).as("kept in line, claimed, never due").contains(true);

    first.set(Outcome.done());
    node.reprocessing().requeue(s12);
    pool.runDue();
    pool.runDue();

    assertThat(node.row(s12).status()).isEqualTo(ExchangeStatus.DELIVERED);
    assertThat(delivered).containsExactly(otherPatient, s14);
    assertThat(queueRow(s12)).isEmpty();
    assertThat(queueRow(s14)).isEmpty();
  }

  @Test
  void discarding_a_failed_outbound_row_lets_the_rows_behind_it_go() {
    long s12 = outbound("SIU^S12", "patient:3");
    long s15 = outbound("SIU^S15", "patient:3");
    node.handle(
        "HL7 OUTBOUND *",
        (e, p, c) -> e.id() == s12 ? Outcome.failed("TEST-422", "refused") : Outcome.done());
    WorkerPool pool = node.pool("a", 1);
    pool.runDue();
    pool.runDue();
    assertThat(node.row(s15).status()).isEqualTo(ExchangeStatus.PENDING);

    node.reprocessing().discard(s12, "booked by phone instead");
    pool.runDue();

    assertThat(node.row(s12).status()).isEqualTo(ExchangeStatus.DISCARDED);
    assertThat(node.row(s15).status()).isEqualTo(ExchangeStatus.DELIVERED);
    assertThat(queueSize()).isZero();
  }

  @Test
  void a_failed_inbound_row_does_not_hold_the_rows_behind_it() {
    long first = node.inbound("ADT^A04", "LAB", "q-held-1", "MRN:9", "MSH|").id();
    outcome.set(Outcome.failed("TEST-422", "mapping missing"));
    node.pool("a", 1).runDue();
    long second = node.inbound("ADT^A08", "LAB", "q-held-2", "MRN:9", "MSH|").id();
    outcome.set(Outcome.done());
    node.pool("a", 1).runDue();

    assertThat(node.row(first).status()).isEqualTo(ExchangeStatus.FAILED);
    assertThat(node.row(second).status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(queueRow(first)).isEmpty();
  }

  /** The row's place in the workers' queue: whether it is claimed; empty when it left. */
  private Optional<Boolean> queueRow(long id) {
    return node.jdbc
        .sql("SELECT claimed FROM exchange_queue WHERE exchange_id = ?")
        .param(id)
        .query(Boolean.class)
        .optional();
  }

  private long queueSize() {
    return node.jdbc.sql("SELECT count(*) FROM exchange_queue").query(Long.class).single();
  }

  private long outbound(String type, String key) {
    return node.journal()
        .recordOutbound(
            OutboundMessage.of(
                    Channel.HL7,
                    type,
                    "practice-studio",
                    new Payload("MSH|".getBytes(StandardCharsets.UTF_8), "application/hl7-v2"))
                .withCorrelationKey(key));
  }
}
