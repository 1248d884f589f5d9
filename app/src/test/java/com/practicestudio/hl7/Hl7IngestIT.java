package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.Corpus;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages through a live listener into the journal: what is recorded, how it is answered,
 * duplicates, malformed corpus files, messages no rule accepts, ignore rules and ACK-after-apply.
 * (Accepted messages of types without a record handler end FAILED with HL7-060 through the fallback
 * handler.)
 */
@Hl7IntegrationTest
class Hl7IngestIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @Autowired Hl7Interfaces interfaces;
  @Autowired Hl7Rules rules;
  @Autowired InterfaceRegistry registry;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired UserService users;

  private TestInterfaces make;

  @BeforeEach
  void setUp() {
    make = new TestInterfaces(interfaces, registry);
  }

  @Test
  void a_message_is_recorded_with_its_header_and_patient_key_and_answered_aa() throws Exception {
    Hl7Interface itf = make.listener(null, null);
    String id = Hl7Samples.unique();
    String mrn = "M" + Hl7Samples.unique();
    String ack;
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      peer.send(Hl7Samples.adt("A04", id, mrn));
      ack = peer.answer(WAIT);
    }
    assertThat(ack).startsWith("MSH|^~\\&|PS|CLINIC|CERNER|HOSP|").contains("|ACK^A04^ACK|");
    assertThat(ack).contains("\rMSA|AA|" + id).doesNotContain("ERR|");
    Map<String, Object> row = row(itf, id);
    assertThat(row)
        .containsEntry("message_type", "ADT^A04")
        .containsEntry("sender", "CERNER^HOSP")
        .containsEntry("correlation_key", "MRN:" + mrn)
        .containsEntry("direction", "INBOUND")
        .containsEntry("channel", "HL7")
        .containsEntry("content_type", "application/hl7-v2");
  }

  @Test
  void a_duplicate_is_answered_the_same_and_stored_once() throws Exception {
    Hl7Interface itf = make.listener(null, null);
    String id = Hl7Samples.unique();
    String message = Hl7Samples.adt("A08", id, "M" + Hl7Samples.unique());
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      peer.send(message);
      String first = peer.answer(WAIT);
      peer.send(message);
      String second = peer.answer(WAIT);
      assertThat(first).contains("MSA|AA|" + id);
      assertThat(second).contains("MSA|AA|" + id);
    }
    // the same control id from another sender is another message
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      peer.send(Hl7Samples.adt("LAB", "OTHER", "A08", id, "M1"));
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + id);
    }
    assertThat(count("message_id = ? AND endpoint = ?", id, itf.name())).isEqualTo(2);
    assertThat(count("message_id = ? AND sender = 'CERNER^HOSP' AND endpoint = ?", id, itf.name()))
        .isEqualTo(1);
  }

  @Test
  void a_control_id_reused_for_another_message_keeps_both_and_applies_both() throws Exception {
    Hl7Interface itf = make.listener(null, null);
    String id = Hl7Samples.unique();
    String first = Hl7Samples.adt("A04", id, "M" + Hl7Samples.unique());
    String second = Hl7Samples.adt("A04", id, "M" + Hl7Samples.unique());
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      for (String message : List.of(first, second, second, first)) {
        peer.send(message);
        assertThat(peer.answer(WAIT)).contains("MSA|AA|" + id);
      }
    }
    List<Map<String, Object>> rows =
        jdbc.sql("SELECT message_id, status FROM exchange WHERE endpoint = ? ORDER BY id")
            .param(itf.name())
            .query()
            .listOfRows();
    assertThat(rows).extracting(r -> r.get("message_id")).hasSize(2).first().isEqualTo(id);
    assertThat((String) rows.get(1).get("message_id")).matches(id + "~[0-9a-f]{32}");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(count("endpoint = ? AND status = 'APPLIED'", itf.name()))
                    .as("each message applied once")
                    .isEqualTo(2));
  }

  @Test
  void every_malformed_corpus_file_is_refused_with_a_reason_and_kept_failed() throws Exception {
    Hl7Interface itf = make.listener(null, null);
    List<Path> files = Corpus.files("hl7v2/malformed");
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      for (Path file : files) {
        peer.send(Files.readAllBytes(file));
        String ack = peer.answer(WAIT);
        assertThat(ack).as(file.getFileName().toString()).contains("MSA|AR|").contains("\rERR|");
        assertThat(ack).as(file.getFileName().toString()).containsPattern("HL7-0[0-9][0-9] ");
      }
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(count("endpoint = ? AND status = 'FAILED'", itf.name()))
                    .isEqualTo(files.size()));
    List<String> codes =
        jdbc.sql("SELECT error_code FROM exchange WHERE endpoint = ? ORDER BY id")
            .param(itf.name())
            .query(String.class)
            .list();
    // empty, missing MSH-9 and two fuzzer files fail parsing; the ORM parses but is not accepted
    assertThat(codes).contains("HL7-001", "HL7-006", "HL7-050");
    assertThat(count("endpoint = ? AND message_type = 'MALFORMED'", itf.name())).isEqualTo(4);
    // the listener lives on
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      String id = Hl7Samples.unique();
      peer.send(Hl7Samples.adt("A01", id, "M" + Hl7Samples.unique()));
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + id);
    }
  }

  @Test
  void a_message_that_cannot_be_stored_is_answered_ae_hl7_052_and_its_resend_is_taken()
      throws Exception {
    Hl7Interface itf = make.listener(null, null);
    String id = FailingStore.controlId();
    String message = Hl7Samples.adt("A08", id, "M" + Hl7Samples.unique());
    try (FailingStore failing = new FailingStore(jdbc);
        MllpPeer peer = new MllpPeer(make.port(itf))) {
      peer.send(message);
      String ack = peer.answer(WAIT);
      assertThat(ack).contains("MSA|AE|" + id).contains("HL7-052").contains("\rERR|");
    }
    assertThat(count("message_id = ?", id)).isZero();
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      peer.send(message); // the sender's resend, once the database is back
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + id);
    }
    assertThat(count("message_id = ?", id)).isEqualTo(1);
  }

  @Test
  void a_type_no_rule_accepts_is_answered_ar_stored_and_failed_with_hl7_050() throws Exception {
    Hl7Interface itf = make.listener(null, null);
    String id = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      peer.send(Hl7Samples.adt("A28", id, "M" + Hl7Samples.unique()));
      String ack = peer.answer(WAIT);
      assertThat(ack).contains("MSA|AR|" + id).contains("HL7-050").contains("(ADT A28)");
      assertThat(ack).contains("ERR|||200^Unsupported message type^HL70357|E");
    }
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(row(itf, id)).containsEntry("error_code", "HL7-050"));
  }

  @Test
  void an_ignore_rule_acknowledges_and_records_the_message_ignored() throws Exception {
    Hl7Interface itf = make.listener(null, null);
    rules.create(
        itf.id(),
        new RuleInput(
            "filter",
            1,
            "ignore",
            true,
            "test patients",
            new RuleMatch("ADT", null, null, "PV1-2", "T"),
            null,
            null,
            null,
            null,
            null,
            null));
    String ignored = Hl7Samples.unique();
    String applied = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      peer.send(Hl7Samples.adt("A08", ignored, "M1").replace("PV1|1|O|", "PV1|1|T|"));
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + ignored);
      peer.send(Hl7Samples.adt("A08", applied, "M2"));
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + applied);
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(row(itf, ignored)).containsEntry("status", "IGNORED");
              assertThat(String.valueOf(row(itf, ignored).get("error_text")))
                  .contains("filter #1 (ignore)");
              assertThat(row(itf, applied).get("status")).isNotIn("RECEIVED", "IGNORED");
            });
  }

  @Test
  void after_apply_answers_with_the_outcome_ae_with_the_apply_error() throws Exception {
    Hl7Interface itf = make.listener("original", "after-apply");
    rules.create(itf.id(), TestInterfaces.ignoreFirst("ADT", "A31"));
    String failing = Hl7Samples.unique();
    String ignored = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      // accepted, but an MDM without its TXA cannot be applied: the worker fails it (HL7-102)
      peer.send(Hl7Samples.adt("A04", failing, "M1").replace("ADT^A04^ADT_A01", "MDM^T02"));
      String ack = peer.answer(WAIT);
      assertThat(ack)
          .contains("MSA|AE|" + failing)
          .contains("HL7-054")
          .contains("HL7-102 TXA segment is missing");
      peer.send(Hl7Samples.adt("A31", ignored, "M2"));
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + ignored);
    }
    assertThat(row(itf, failing)).containsEntry("status", "FAILED");
  }

  @Test
  void after_apply_gives_up_waiting_with_hl7_053_when_the_worker_is_slower() throws Exception {
    Hl7Interface itf = make.listener("original", "after-apply", null, 1L, null);
    // a worker takes longer than 1 ms to claim and apply a row
    String id = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      peer.send(Hl7Samples.adt("A04", id, "M1").replace("ADT^A04^ADT_A01", "MDM^T02"));
      String ack = peer.answer(WAIT);
      assertThat(ack).contains("MSA|AE|" + id).contains("HL7-053");
    }
  }

  @Test
  void after_apply_answers_ae_with_hl7_058_when_an_operator_discards_the_waiting_message()
      throws Exception {
    Hl7Interface itf = make.listener("original", "after-apply", null, 30_000L, null);
    String mrn = "M" + Hl7Samples.unique();
    // an earlier message of the same patient waits for its retry an hour away, and holds this
    // one back (per-key order), so the sender is still waiting when the operator discards it
    holdBack("MRN:" + mrn);
    JsonApi operator =
        new JsonApi(http, json, TestUsers.create(users, Role.OPERATOR), TestUsers.PASSWORD);
    String id = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(make.port(itf))) {
      peer.send(Hl7Samples.adt("A08", id, mrn));
      await()
          .atMost(WAIT)
          .until(() -> count("endpoint = ? AND message_id = ?", itf.name(), id) == 1);
      Map<String, Object> waiting = row(itf, id);
      assertThat(waiting).containsEntry("status", "RECEIVED");
      long rowId = ((Number) waiting.get("id")).longValue();

      JsonApi.Answer discarded =
          operator.post(
              "/api/v1/exchanges/" + rowId + "/discard", "{\"reason\": \"sent in error\"}");
      assertThat(discarded.code()).isEqualTo(200);

      String ack = peer.answer(WAIT);
      assertThat(ack)
          .contains("MSA|AE|" + id)
          .contains("HL7-058 stored, but discarded by an operator")
          .doesNotContain(mrn);
    }
    assertThat(row(itf, id)).containsEntry("status", "DISCARDED");
  }

  /**
   * A journal row of {@code key} waiting for a retry an hour from now, as the writer records it.
   */
  private void holdBack(String key) {
    jdbc.sql(
            """
            WITH ins AS (
                INSERT INTO exchange (channel, direction, message_type, sender, message_id,
                    correlation_key, status, next_attempt_at, received_at, updated_at)
                VALUES ('HL7', 'INBOUND', 'ADT^A08', 'HOLD', ?, ?, 'RECEIVED',
                    now() + interval '1 hour', now(), now())
                RETURNING id, correlation_key, next_attempt_at)
            INSERT INTO exchange_queue (exchange_id, direction, correlation_key, next_attempt_at)
            SELECT id, 'INBOUND', correlation_key, next_attempt_at FROM ins
            """)
        .params("hold-" + Hl7Samples.unique(), key)
        .update();
  }

  private Map<String, Object> row(Hl7Interface itf, String messageId) {
    return jdbc.sql("SELECT * FROM exchange WHERE endpoint = ? AND message_id = ?")
        .params(itf.name(), messageId)
        .query()
        .singleRow();
  }

  private long count(String where, Object... params) {
    return jdbc.sql("SELECT count(*) FROM exchange WHERE " + where)
        .params(params)
        .query(Long.class)
        .single();
  }
}
