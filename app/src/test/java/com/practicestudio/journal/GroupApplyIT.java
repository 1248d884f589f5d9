package com.practicestudio.journal;

import static com.practicestudio.journal.ExchangeStatus.APPLIED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * Inbound rows of different keys claimed together are applied together, in one transaction; a row
 * that does not apply sends its group back to one row per transaction, and costs nobody else their
 * outcome. The handler writes the id of the transaction it ran in, so the test can see which rows
 * shared one.
 */
class GroupApplyIT {

  @BeforeEach
  void emptyJournal() {
    JournalDatabase.clean();
  }

  @Test
  void rows_of_different_keys_apply_in_one_transaction_each_with_its_own_status_and_event() {
    try (JournalFixture node = new JournalFixture()) {
      node.handle("HL7 INBOUND ADT^A04", new TransactionRecorder(node, -1, false));
      List<Long> ids = record(node, 6);

      assertThat(node.pool("a", 1).runDue()).isEqualTo(6);

      assertThat(transactions(node)).as("one transaction for the group of 6").hasSize(1);
      for (long id : ids) {
        Exchange row = node.row(id);
        assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
        assertThat(row.claimedBy()).isNull();
        assertThat(row.completedAt()).isEqualTo(JournalFixture.START);
        assertThat(node.events(id))
            .extracting(ExchangeEvent::kind, ExchangeEvent::attempt, ExchangeEvent::node)
            .containsExactly(tuple("APPLIED", 1, "a"));
      }
    }
  }

  @Test
  void a_row_that_fails_is_written_on_its_own_and_the_others_apply_again_together_exactly_once() {
    try (JournalFixture node = new JournalFixture()) {
      List<Long> ids = record(node, 5);
      long bad = ids.get(2);
      TransactionRecorder handler = new TransactionRecorder(node, bad, false);
      node.handle("HL7 INBOUND ADT^A04", handler);

      assertThat(node.pool("a", 1).runDue()).isEqualTo(5);

      Exchange failed = node.row(bad);
      assertThat(failed.status()).isEqualTo(ExchangeStatus.FAILED);
      assertThat(failed.errorCode()).isEqualTo("TEST-400");
      assertThat(node.events(bad)).extracting(ExchangeEvent::kind).containsExactly("FAILED");
      assertThat(handler.calls.get(bad)).as("its answer was taken, not asked again").hasValue(1);
      assertThat(effect(node, bad)).as("its write is rolled back").isEmpty();
      for (long id : ids) {
        if (id != bad) {
          assertThat(node.row(id).status()).isEqualTo(ExchangeStatus.APPLIED);
          assertThat(node.events(id)).extracting(ExchangeEvent::kind).containsExactly("APPLIED");
          assertThat(effect(node, id)).hasSize(1);
        }
      }
      assertThat(transactions(node)).as("the other four, together again").hasSize(1);
      assertThat(handler.calls.get(ids.get(0)))
          .as("a row before the bad one ran in the first group, then in the second")
          .hasValue(2);
      assertThat(handler.calls.get(ids.get(4))).as("a row after it ran once").hasValue(1);
    }
  }

  @Test
  void rows_that_keep_failing_end_up_applied_one_by_one() {
    try (JournalFixture node = new JournalFixture()) {
      List<Long> ids = record(node, 6);
      node.handle(
          "HL7 INBOUND ADT^A04",
          (e, p, c) -> e.id() % 2 == 0 ? Outcome.failed("TEST-400", "bad") : Outcome.done());

      assertThat(node.pool("a", 1).runDue()).isEqualTo(6);

      assertThat(ids)
          .extracting(id -> node.row(id).status())
          .containsExactly(
              ExchangeStatus.APPLIED,
              ExchangeStatus.FAILED,
              ExchangeStatus.APPLIED,
              ExchangeStatus.FAILED,
              ExchangeStatus.APPLIED,
              ExchangeStatus.FAILED);
      assertThat(ids).allSatisfy(id -> assertThat(node.events(id)).hasSize(1));
    }
  }

  @Test
  void a_handler_that_swallows_a_database_error_costs_only_its_own_row() {
    try (JournalFixture node = new JournalFixture()) {
      List<Long> ids = record(node, 4);
      long bad = ids.get(1);
      node.handle("HL7 INBOUND ADT^A04", new TransactionRecorder(node, bad, true));

      assertThat(node.pool("a", 1).runDue()).isEqualTo(4);

      Exchange retried = node.row(bad);
      assertThat(retried.status())
          .as("its transaction could not commit")
          .isEqualTo(ExchangeStatus.RECEIVED);
      assertThat(retried.errorCode()).isEqualTo(JournalError.DATABASE.code());
      for (long id : ids) {
        if (id != bad) {
          assertThat(node.row(id).status()).isEqualTo(ExchangeStatus.APPLIED);
          assertThat(effect(node, id)).hasSize(1);
        }
      }
    }
  }

  @Test
  void handlers_sharing_a_read_ahead_have_it_read_for_the_whole_group_before_the_first_row() {
    try (JournalFixture node = new JournalFixture()) {
      List<Long> ids = record(node, 5);
      List<String> seen = new ArrayList<>();
      ReadAhead ahead =
          rows ->
              rows.forEach(
                  r -> seen.add(r.exchange().id() + "=" + new String(r.payload().bytes(), UTF_8)));
      node.handle("HL7 INBOUND ADT^A04", sharing(ahead, seen));

      assertThat(node.pool("a", 1).runDue()).isEqualTo(5);

      List<String> expected = new ArrayList<>();
      ids.forEach(id -> expected.add(id + "=MSH|" + ids.indexOf(id)));
      ids.forEach(id -> expected.add("applied " + id));
      assertThat(seen).as("read once, with every row's payload, then applied").isEqualTo(expected);
      assertThat(ids).allSatisfy(id -> assertThat(node.row(id).status()).isEqualTo(APPLIED));
    }
  }

  @Test
  void a_group_whose_rows_do_not_share_one_read_ahead_or_whose_read_ahead_throws_still_applies() {
    try (JournalFixture node = new JournalFixture()) {
      List<String> seen = new ArrayList<>();
      node.handle("HL7 INBOUND ADT^A04", sharing(rows -> seen.add("A04 read ahead"), seen));
      node.handle("HL7 INBOUND ADT^A08", sharing(rows -> seen.add("A08 read ahead"), seen));
      long a04 = node.inbound("ADT^A04", "LAB", "x-1", "MRN:1", "MSH|1").id();
      long a08 = node.inbound("ADT^A08", "LAB", "x-2", "MRN:2", "MSH|2").id();

      assertThat(node.pool("a", 1).runDue()).isEqualTo(2);
      assertThat(seen).containsExactly("applied " + a04, "applied " + a08);

      node.handle(
          "HL7 INBOUND ADT^A04",
          sharing(
              rows -> {
                throw new IllegalStateException("cannot read these");
              },
              seen));
      List<Long> ids = record(node, 3);
      assertThat(node.pool("a", 1).runDue()).isEqualTo(3);
      assertThat(ids).allSatisfy(id -> assertThat(node.row(id).status()).isEqualTo(APPLIED));
    }
  }

  /** A handler that records what it applies and reads ahead with {@code ahead}. */
  private static ExchangeHandler sharing(ReadAhead ahead, List<String> seen) {
    return new ExchangeHandler() {
      @Override
      public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
        seen.add("applied " + exchange.id());
        return Outcome.done();
      }

      @Override
      public ReadAhead readAhead() {
        return ahead;
      }
    };
  }

  private static List<Long> record(JournalFixture node, int rows) {
    return IntStream.range(0, rows)
        .mapToObj(i -> node.inbound("ADT^A04", "LAB", "m-" + i, "MRN:" + i, "MSH|" + i).id())
        .toList();
  }

  private static List<String> transactions(JournalFixture node) {
    return node.jdbc
        .sql("SELECT DISTINCT node FROM journal_test_effect")
        .query(String.class)
        .list();
  }

  private static List<String> effect(JournalFixture node, long id) {
    return node.jdbc
        .sql("SELECT node FROM journal_test_effect WHERE exchange_id = ?")
        .param(id)
        .query(String.class)
        .list();
  }

  /**
   * Writes the current transaction's id for each row; the bad row fails after writing (or, when
   * {@code swallow}, runs a failing statement and reports success anyway).
   */
  private static final class TransactionRecorder implements ExchangeHandler {
    final Map<Long, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final JournalFixture node;
    private final long bad;
    private final boolean swallow;

    TransactionRecorder(JournalFixture node, long bad, boolean swallow) {
      this.node = node;
      this.bad = bad;
      this.swallow = swallow;
    }

    @Override
    public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
      calls.computeIfAbsent(exchange.id(), id -> new AtomicInteger()).incrementAndGet();
      node.jdbc
          .sql(
              "INSERT INTO journal_test_effect (exchange_id, node)"
                  + " VALUES (?, txid_current()::text)")
          .param(exchange.id())
          .update();
      if (exchange.id() != bad) {
        return Outcome.done();
      }
      if (!swallow) {
        return Outcome.failed("TEST-400", "bad row");
      }
      try {
        node.jdbc.sql("SELECT 1 / 0").query(Integer.class).single();
      } catch (DataAccessException ignored) {
        // the bug under test: the transaction is aborted, and the handler says it applied
      }
      return Outcome.done();
    }
  }
}
