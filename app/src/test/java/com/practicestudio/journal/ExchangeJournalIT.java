package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording rows: one at a time, in the caller's transaction, and through the group commit. */
class ExchangeJournalIT {

  @BeforeEach
  void emptyJournal() {
    JournalDatabase.clean();
  }

  @Test
  void the_same_senders_message_id_is_recorded_once_and_answered_as_a_duplicate() {
    try (JournalFixture node = new JournalFixture()) {
      Recorded first = node.inbound("ADT^A04", "LAB", "MSG0001", "MRN:1", "MSH|first");
      Recorded again = node.inbound("ADT^A04", "LAB", "MSG0001", "MRN:1", "MSH|again");
      Recorded otherSender = node.inbound("ADT^A04", "RAD", "MSG0001", "MRN:1", "MSH|other");

      assertThat(first.duplicate()).isFalse();
      assertThat(again.duplicate()).isTrue();
      assertThat(again.id()).isEqualTo(first.id());
      assertThat(otherSender.duplicate()).isFalse();
      assertThat(node.jdbc.sql("SELECT count(*) FROM exchange").query(Long.class).single())
          .isEqualTo(2);
      assertThat(node.applier().payload(node.row(first.id())).text()).isEqualTo("MSH|first");
    }
  }

  @Test
  void a_reused_control_id_with_other_content_is_recorded_under_an_id_of_its_own() {
    try (JournalFixture node = new JournalFixture()) {
      Recorded first = node.journal().recordInbound(message("ID1", "one", "k1"));
      Recorded resent = node.journal().recordInbound(message("ID1", "one", "k1"));
      Recorded other = node.journal().recordInbound(message("ID1", "two", "k2"));
      Recorded otherResent = node.journal().recordInbound(message("ID1", "two", "k2"));
      Recorded unkeyed = node.journal().recordInbound(message("ID1", "three", null));

      assertThat(resent).isEqualTo(new Recorded(first.id(), true, ExchangeStatus.RECEIVED));
      assertThat(other.duplicate()).isFalse();
      assertThat(other.id()).isNotEqualTo(first.id());
      assertThat(node.row(other.id()).messageId()).isEqualTo("ID1~k2");
      assertThat(node.applier().payload(node.row(other.id())).text()).isEqualTo("two");
      assertThat(otherResent).isEqualTo(new Recorded(other.id(), true, ExchangeStatus.RECEIVED));
      assertThat(unkeyed.id())
          .as("without a content key the id alone decides")
          .isEqualTo(first.id());
      assertThat(node.jdbc.sql("SELECT count(*) FROM exchange").query(Long.class).single())
          .isEqualTo(2);
    }
  }

  @Test
  void the_group_commit_writer_keeps_both_messages_under_a_reused_control_id() throws Exception {
    try (JournalFixture node = new JournalFixture()) {
      List<CompletableFuture<Recorded>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        InboundMessage m = i % 2 == 0 ? message("ID2", "one", "k1") : message("ID2", "two", "k2");
        answers.add(node.journal().submitInbound(m).toCompletableFuture());
      }
      List<Recorded> recorded = new ArrayList<>();
      for (CompletableFuture<Recorded> f : answers) {
        recorded.add(f.get(30, TimeUnit.SECONDS));
      }

      assertThat(recorded.stream().filter(r -> !r.duplicate())).hasSize(2);
      for (int i = 0; i < recorded.size(); i++) {
        Exchange row = node.row(recorded.get(i).id());
        assertThat(node.applier().payload(row).text())
            .as("answer %d names the row of its own content", i)
            .isEqualTo(i % 2 == 0 ? "one" : "two");
      }
      assertThat(
              node.jdbc
                  .sql("SELECT message_id FROM exchange ORDER BY message_id")
                  .query(String.class)
                  .list())
          .hasSize(2)
          .contains("ID2")
          .containsAnyOf("ID2~k1", "ID2~k2");
    }
  }

  private static InboundMessage message(String id, String text, String contentKey) {
    return InboundMessage.of(
            Channel.HL7,
            "ADT^A08",
            "LAB",
            id,
            new Payload(text.getBytes(StandardCharsets.UTF_8), "text/plain"))
        .withContentKey(contentKey);
  }

  @Test
  void a_recorded_row_carries_its_metadata_and_a_sealed_payload() {
    try (JournalFixture node = new JournalFixture()) {
      byte[] body =
          "MSH|^~\\&|LAB|H|PS|C|20261119||ORU^R01|X1|P|2.5.1\r"
              .getBytes(StandardCharsets.ISO_8859_1);
      long parent = node.inbound("BATCH", "SFTP", "batch.csv", null, "a,b").id();
      Recorded r =
          node.journal()
              .recordInbound(
                  InboundMessage.of(
                          Channel.HL7,
                          "ORU^R01",
                          "LAB",
                          "X1",
                          new Payload(body, "application/hl7-v2; charset=ISO-8859-1"))
                      .withCorrelationKey("MRN:42")
                      .withEndpoint("mllp-main")
                      .withParent(parent));

      Exchange row = node.row(r.id());
      assertThat(row.channel()).isEqualTo(Channel.HL7);
      assertThat(row.direction()).isEqualTo(Direction.INBOUND);
      assertThat(row.status()).isEqualTo(ExchangeStatus.RECEIVED);
      assertThat(row.messageType()).isEqualTo("ORU^R01");
      assertThat(row.correlationKey()).isEqualTo("MRN:42");
      assertThat(row.endpoint()).isEqualTo("mllp-main");
      assertThat(row.parentId()).isEqualTo(parent);
      assertThat(row.payloadSize()).isEqualTo(body.length);
      assertThat(row.receivedAt()).isEqualTo(JournalFixture.START);
      assertThat(row.nextAttemptAt()).isEqualTo(JournalFixture.START);
      byte[] stored =
          node.jdbc
              .sql("SELECT body FROM exchange_payload WHERE exchange_id = ?")
              .param(r.id())
              .query(byte[].class)
              .single();
      assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("ORU^R01");
      Payload payload = node.applier().payload(row);
      assertThat(payload.bytes()).isEqualTo(body);
      assertThat(payload.text()).startsWith("MSH|^~\\&|LAB");
    }
  }

  @Test
  void an_outbound_row_commits_or_rolls_back_with_the_callers_transaction() {
    try (JournalFixture node = new JournalFixture()) {
      OutboundMessage siu =
          OutboundMessage.of(Channel.HL7, "SIU^S12", "PS", new Payload(new byte[] {'S'}, null))
              .withCorrelationKey("APPT:1");
      assertThatThrownBy(
              () ->
                  node.store
                      .tx()
                      .executeWithoutResult(
                          s -> {
                            node.journal().recordOutbound(siu);
                            throw new IllegalStateException("the change failed");
                          }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(node.jdbc.sql("SELECT count(*) FROM exchange").query(Long.class).single())
          .isZero();

      long id = node.store.tx().execute(s -> node.journal().recordOutbound(siu));
      Exchange row = node.row(id);
      assertThat(row.status()).isEqualTo(ExchangeStatus.PENDING);
      assertThat(row.direction()).isEqualTo(Direction.OUTBOUND);
    }
  }

  @Test
  void the_group_commit_writer_records_every_concurrent_submission_once() throws Exception {
    try (JournalFixture node = new JournalFixture()) {
      int connections = 32;
      int perConnection = 200;
      ExecutorService senders = Executors.newFixedThreadPool(connections);
      List<Future<List<Recorded>>> results = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int conn = c;
        results.add(
            senders.submit(
                () -> {
                  List<Recorded> mine = new ArrayList<>();
                  for (int i = 0; i < perConnection; i++) {
                    // like an MLLP connection: the next message goes after the previous ACK
                    mine.add(submit(node, "C" + conn, "M" + i, "body " + conn + "/" + i));
                  }
                  // a resend of an earlier message is a duplicate, answered with the first row
                  Recorded resend = submit(node, "C" + conn, "M0", "body " + conn + "/0");
                  assertThat(resend.duplicate()).isTrue();
                  assertThat(resend.id()).isEqualTo(mine.get(0).id());
                  return mine;
                }));
      }
      Set<Long> ids = new HashSet<>();
      for (Future<List<Recorded>> f : results) {
        for (Recorded r : f.get(120, TimeUnit.SECONDS)) {
          assertThat(r.duplicate()).isFalse();
          ids.add(r.id());
        }
      }
      senders.shutdown();

      assertThat(ids).hasSize(connections * perConnection);
      assertThat(node.jdbc.sql("SELECT count(*) FROM exchange").query(Long.class).single())
          .isEqualTo(connections * perConnection);
      assertThat(node.jdbc.sql("SELECT count(*) FROM exchange_payload").query(Long.class).single())
          .isEqualTo(connections * perConnection);
      Exchange sample =
          node.jdbc
              .sql(
                  "SELECT "
                      + ExchangeRepository.COLUMNS
                      + " FROM exchange WHERE sender = 'C7' AND message_id = 'M42'")
              .query(ExchangeRepository::map)
              .single();
      assertThat(node.applier().payload(sample).text()).isEqualTo("body 7/42");
      assertThat(node.meters.get("journal.write.batch.size").summary().max())
          .as("submissions were grouped")
          .isGreaterThan(1);
      Timer commits = node.meters.get("journal.write.batch").timer();
      Map<Double, Double> countUnder = new HashMap<>();
      for (CountAtBucket bucket : commits.takeSnapshot().histogramCounts()) {
        countUnder.put(bucket.bucket(TimeUnit.MILLISECONDS), bucket.count());
      }
      assertThat(countUnder)
          .as("commits counted against the 10 ms an ACK may take")
          .containsKeys(1.0, 10.0, 1000.0);
      assertThat(countUnder.get(1000.0)).isPositive().isLessThanOrEqualTo((double) commits.count());
    }
  }

  @Test
  void duplicates_inside_one_batch_get_the_first_copys_row() throws Exception {
    try (JournalFixture node = new JournalFixture()) {
      List<CompletableFuture<Recorded>> copies = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        copies.add(
            node.journal()
                .submitInbound(
                    InboundMessage.of(
                        Channel.HL7, "ADT^A04", "LAB", "SAME", new Payload(new byte[] {1}, null)))
                .toCompletableFuture());
      }
      List<Recorded> answers = new ArrayList<>();
      for (CompletableFuture<Recorded> f : copies) {
        answers.add(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(answers.stream().map(Recorded::id).distinct()).hasSize(1);
      assertThat(answers.stream().filter(r -> !r.duplicate())).hasSize(1);
      assertThat(node.jdbc.sql("SELECT count(*) FROM exchange_payload").query(Long.class).single())
          .isEqualTo(1);
    }
  }

  @Test
  void recording_on_one_node_wakes_the_workers_of_another_through_notify() throws Exception {
    AtomicInteger wakes = new AtomicInteger();
    JournalNotifications listener =
        new JournalNotifications(
            JournalDatabase.dataSource(), wakes::incrementAndGet, Duration.ofMillis(50), true);
    listener.start();
    try (JournalFixture node = new JournalFixture()) {
      node.notifyNodes = true;
      await().pollDelay(Duration.ofMillis(300)).until(() -> true); // let the listener LISTEN

      node.inbound("ADT^A04", "LAB", "n-1", null, "MSH|");
      await().atMost(Duration.ofSeconds(5)).until(() -> wakes.get() >= 1);
      int afterOne = wakes.get();
      Recorded grouped = submit(node, "LAB", "n-2", "MSH|");
      assertThat(grouped.duplicate()).isFalse();
      await().atMost(Duration.ofSeconds(5)).until(() -> wakes.get() > afterOne);
      assertThat(node.applier().payload(node.row(grouped.id())).text()).isEqualTo("MSH|");
    } finally {
      listener.stop();
    }
  }

  @Test
  void an_invalid_message_is_refused_before_anything_is_written() {
    assertThatThrownBy(
            () ->
                InboundMessage.of(
                    Channel.HL7, "ADT^A04", "LAB", " ", new Payload(new byte[0], null)))
        .hasMessageContaining("messageId");
  }

  private static Recorded submit(JournalFixture node, String sender, String id, String body)
      throws Exception {
    return node.journal()
        .submitInbound(
            InboundMessage.of(
                Channel.HL7,
                "ADT^A08",
                sender,
                id,
                new Payload(body.getBytes(StandardCharsets.UTF_8), "application/hl7-v2")))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }
}
