package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Follow-up markers on the real database: written with the row by both insert paths, due once the
 * row finishes, settled once however many nodes try, and due again only for a different outcome.
 */
class FollowUpsIT {

  private static final String PREFIX = "test-reply:";

  private JournalFixture node;
  private FollowUps followUps;
  private final AtomicBoolean broken = new AtomicBoolean(true);

  @BeforeEach
  void journal() {
    JournalDatabase.clean();
    node = new JournalFixture();
    node.handle(
        "HL7 INBOUND ADT^*",
        (e, p, c) -> broken.get() ? Outcome.failed("TEST-422", "mapping missing") : Outcome.done());
    followUps = new FollowUps(node.store, node.journal());
  }

  @AfterEach
  void close() {
    node.close();
  }

  @Test
  void both_insert_paths_write_the_marker_with_the_row_and_a_duplicate_does_not_change_it()
      throws Exception {
    long single = node.journal().recordInbound(message("m-1", PREFIX + "a")).id();
    long grouped =
        node.journal()
            .submitInbound(message("m-2", PREFIX + "b"))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .id();
    long none =
        node.journal()
            .submitInbound(message("m-3", null))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .id();
    Recorded again =
        node.journal()
            .submitInbound(message("m-2", PREFIX + "other"))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);

    assertThat(marker(single)).isEqualTo(PREFIX + "a");
    assertThat(marker(grouped)).isEqualTo(PREFIX + "b");
    assertThat(marker(none)).isNull();
    assertThat(again.duplicate()).isTrue();
    assertThat(marker(again.id())).isEqualTo(PREFIX + "b");
  }

  @Test
  void a_row_is_due_once_it_finishes_and_only_under_its_owners_prefix() {
    long id = node.journal().recordInbound(message("m-1", PREFIX + "a")).id();
    node.journal().recordInbound(message("m-2", "someone-else:x"));

    assertThat(followUps.due(PREFIX, 0, 10)).as("still RECEIVED").isEmpty();
    node.pool("a", 1).runDue();

    assertThat(followUps.due(PREFIX, 0, 10))
        .extracting(FollowUps.Due::id, FollowUps.Due::status, FollowUps.Due::errorCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(id, ExchangeStatus.FAILED, "TEST-422"));
    assertThat(followUps.due(PREFIX, id)).isPresent();
  }

  @Test
  void nodes_settling_the_same_row_at_once_record_one_answer() throws Exception {
    long id = node.journal().recordInbound(message("m-1", PREFIX + "a")).id();
    node.pool("a", 1).runDue();
    FollowUps.Due due = followUps.due(PREFIX, id).orElseThrow();
    FollowUps otherNode =
        new FollowUps(JournalStore.create(JournalDatabase.dataSource()), node.journal());
    int attempts = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      FollowUps by = i % 2 == 0 ? followUps : otherNode;
      results.add(
          pool.submit(
              () -> {
                start.await();
                return by.settle(due, null, answer(id));
              }));
    }
    start.countDown();
    int won = 0;
    for (Future<Boolean> r : results) {
      won += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();

    assertThat(won).isEqualTo(1);
    assertThat(answers(id)).isEqualTo(1);
    assertThat(marker(id)).isNull();
    assertThat(followUps.due(PREFIX, 0, 10)).isEmpty();
  }

  @Test
  void a_kept_marker_waits_for_a_different_outcome_and_a_stale_read_settles_nothing() {
    long id = node.journal().recordInbound(message("m-1", PREFIX + "a")).id();
    node.pool("a", 1).runDue();
    FollowUps.Due failed = followUps.due(PREFIX, id).orElseThrow();

    assertThat(followUps.settle(failed, PREFIX + "after-failure", answer(id))).isTrue();
    assertThat(followUps.due(PREFIX, 0, 10)).as("still FAILED: answered already").isEmpty();
    assertThat(followUps.settle(failed, null, answer(id))).as("stale").isFalse();

    broken.set(false);
    node.reprocessing().requeue(id);
    node.pool("a", 1).runDue();

    FollowUps.Due applied = followUps.due(PREFIX, id).orElseThrow();
    assertThat(applied.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(applied.marker()).isEqualTo(PREFIX + "after-failure");
    assertThat(followUps.settle(applied, null, answer(id))).isTrue();
    assertThat(answers(id)).isEqualTo(2);
    assertThat(followUps.due(PREFIX, id)).isEmpty();
  }

  @Test
  void due_rows_are_read_in_pages_by_id_without_losing_any() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      ids.add(node.journal().recordInbound(message("p-" + i, PREFIX + i)).id());
    }
    node.pool("a", 1).runDue();

    List<Long> seen = new ArrayList<>();
    long after = 0;
    List<FollowUps.Due> page;
    do {
      page = followUps.due(PREFIX, after, 10);
      page.forEach(d -> seen.add(d.id()));
      after = page.isEmpty() ? after : page.get(page.size() - 1).id();
    } while (page.size() == 10);

    assertThat(seen).containsExactlyElementsOf(ids);
  }

  private static InboundMessage message(String id, String marker) {
    return InboundMessage.of(
            Channel.HL7,
            "ADT^A04",
            "LAB",
            id,
            new Payload("MSH|".getBytes(StandardCharsets.UTF_8), "application/hl7-v2"))
        .withFollowUp(marker);
  }

  private static OutboundMessage answer(long parent) {
    return new OutboundMessage(
        Channel.HL7,
        "ACK^A04",
        "PS",
        "ack-" + System.nanoTime(),
        null,
        "peer",
        parent,
        new Payload("MSH|".getBytes(StandardCharsets.UTF_8), "application/hl7-v2"));
  }

  private String marker(long id) {
    return node.jdbc
        .sql("SELECT follow_up FROM exchange WHERE id = ?")
        .param(id)
        .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)))
        .single()
        .orElse(null);
  }

  private long answers(long parent) {
    return node.jdbc
        .sql("SELECT count(*) FROM exchange WHERE parent_id = ? AND direction = 'OUTBOUND'")
        .param(parent)
        .query(Long.class)
        .single();
  }
}
