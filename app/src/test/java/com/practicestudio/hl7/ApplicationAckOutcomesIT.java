package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.Reprocessing;
import com.practicestudio.security.crypto.Crypto;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which outcome gets which application ACK (MSH-16 AL, ER, SU, NE), recorded once in the journal
 * and delivered once to the reply sender's peer — also when a FAILED row is reprocessed later.
 */
@Hl7IntegrationTest
class ApplicationAckOutcomesIT {

  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final Duration QUIET = Duration.ofSeconds(3);

  @Autowired Hl7Interfaces interfaces;
  @Autowired Hl7Rules rules;
  @Autowired InterfaceRegistry registry;
  @Autowired Reprocessing reprocessing;
  @Autowired JdbcClient jdbc;
  @Autowired Crypto crypto;

  private EnhancedListener enhanced;
  private ReceivingPeer replies;
  private Hl7Interface sender;
  private int port;

  @BeforeEach
  void setUp() throws Exception {
    enhanced = new EnhancedListener(interfaces, rules, registry);
    replies = enhanced.replies;
    sender = enhanced.sender;
    port = enhanced.port;
  }

  @AfterEach
  void tearDown() {
    enhanced.close();
  }

  @Test
  void su_answers_a_success_with_aa_and_a_failure_with_nothing() throws Exception {
    String ignored = send(Hl7Samples.adt("A31", Hl7Samples.unique(), "M1"), "SU");
    String failed = send(mdmWithoutTxa(), "SU");

    Hl7Message aa = replies.next(WAIT);
    assertThat(aa.get("MSA-1")).isEqualTo("AA");
    assertThat(aa.get("MSA-2")).isEqualTo(ignored);
    awaitStatus(failed, "FAILED");
    assertThat(replies.poll(QUIET)).isNull();
    assertThat(ackRows(failed)).isEmpty();
    assertThat(ackRows(ignored)).containsExactly("AA");
  }

  @Test
  void ne_never_gets_an_application_ack_and_its_row_owes_nothing() throws Exception {
    String ignored = send(Hl7Samples.adt("A31", Hl7Samples.unique(), "M1"), "NE");
    String failed = send(mdmWithoutTxa(), "NE");

    awaitStatus(ignored, "IGNORED");
    awaitStatus(failed, "FAILED");
    assertThat(replies.poll(QUIET)).isNull();
    assertThat(ackRows(ignored)).isEmpty();
    assertThat(ackRows(failed)).isEmpty();
    assertThat(marker(ignored)).isNull();
  }

  @Test
  void er_answers_only_the_error_and_clears_its_marker_on_success() throws Exception {
    String ignored = send(Hl7Samples.adt("A31", Hl7Samples.unique(), "M1"), "ER");
    String failed = send(mdmWithoutTxa(), "ER");

    Hl7Message ae = replies.next(WAIT);
    assertThat(ae.get("MSA-1")).isEqualTo("AE");
    assertThat(ae.get("MSA-2")).isEqualTo(failed);
    assertThat(replies.poll(QUIET)).isNull();
    assertThat(ackRows(failed)).containsExactly("AE");
    assertThat(ackRows(ignored)).isEmpty();
    await().atMost(WAIT).until(() -> marker(ignored) == null && marker(failed) == null);
  }

  @Test
  void al_failed_gets_ae_at_once_and_aa_once_a_reprocess_applies_it() throws Exception {
    String mrn = RefusedPatients.PREFIX + Hl7Samples.unique();
    try (RefusedPatients refused = new RefusedPatients(jdbc)) {
      String id = send(Hl7Samples.adt("A04", Hl7Samples.unique(), mrn), "AL");

      Hl7Message ae = replies.next(WAIT);
      assertThat(ae.get("MSA-1")).isEqualTo("AE");
      assertThat(ae.get("MSA-2")).isEqualTo(id);
      assertThat(ae.get("ERR-8")).contains("HL7-054");
      assertThat(status(id)).isEqualTo("FAILED");
      assertThat(marker(id))
          .as("still owes the AA a success would earn")
          .endsWith(":SU:" + sender.id());

      refused.close(); // the operator fixes the cause, then reprocesses
      reprocessing.requeue(inboundId(id));

      Hl7Message aa = replies.next(WAIT);
      assertThat(aa.get("MSA-1")).isEqualTo("AA");
      assertThat(aa.get("MSA-2")).isEqualTo(id);
      assertThat(status(id)).isEqualTo("APPLIED");
      assertThat(replies.poll(QUIET)).isNull();
      assertThat(ackRows(id)).containsExactly("AE", "AA");
      assertThat(ackKeys(id))
          .as("the AE and the AA keep their order: one key, the message's")
          .containsExactly(
              ApplicationAcks.keyOf(inboundId(id)), ApplicationAcks.keyOf(inboundId(id)));
      assertThat(marker(id)).isNull();
    }
  }

  @Test
  void er_failed_then_reprocessed_and_applied_gets_its_ae_only() throws Exception {
    String mrn = RefusedPatients.PREFIX + Hl7Samples.unique();
    try (RefusedPatients refused = new RefusedPatients(jdbc)) {
      String id = send(Hl7Samples.adt("A04", Hl7Samples.unique(), mrn), "ER");
      assertThat(replies.next(WAIT).get("MSA-1")).isEqualTo("AE");

      refused.close();
      reprocessing.requeue(inboundId(id));

      awaitStatus(id, "APPLIED");
      assertThat(replies.poll(QUIET)).isNull();
      assertThat(ackRows(id)).containsExactly("AE");
    }
  }

  @Test
  void the_acks_of_two_messages_about_one_patient_do_not_wait_for_each_other() throws Exception {
    String mrn = "M" + Hl7Samples.unique();
    String first = send(Hl7Samples.adt("A31", Hl7Samples.unique(), mrn), "AL");
    String second = send(Hl7Samples.adt("A31", Hl7Samples.unique(), mrn), "AL");

    assertThat(replies.next(WAIT).get("MSA-1")).isEqualTo("AA");
    assertThat(replies.next(WAIT).get("MSA-1")).isEqualTo("AA");
    assertThat(column("correlation_key", first))
        .as("the messages share the patient's key")
        .isEqualTo(column("correlation_key", second));
    // a FAILED outbound row holds the later rows of its key: an AE the sender never took must not
    // hold the ACKs of this patient's other messages
    assertThat(ackKeys(first)).containsExactly(ApplicationAcks.keyOf(inboundId(first)));
    assertThat(ackKeys(second)).containsExactly(ApplicationAcks.keyOf(inboundId(second)));
  }

  @Test
  void al_failing_again_after_a_reprocess_sends_no_second_ae() throws Exception {
    String id = send(mdmWithoutTxa(), "AL");
    assertThat(replies.next(WAIT).get("MSA-1")).isEqualTo("AE");

    reprocessing.requeue(inboundId(id));

    await().atMost(WAIT).until(() -> attempts(id) == 1 && "FAILED".equals(status(id)));
    assertThat(replies.poll(QUIET)).isNull();
    assertThat(ackRows(id)).containsExactly("AE");
  }

  @Test
  void al_failed_then_discarded_keeps_its_one_ae_and_owes_nothing_more() throws Exception {
    String id = send(mdmWithoutTxa(), "AL");
    assertThat(replies.next(WAIT).get("MSA-1")).isEqualTo("AE");

    reprocessing.discard(inboundId(id), "sent to the wrong clinic");

    await().atMost(WAIT).until(() -> marker(id) == null);
    assertThat(replies.poll(QUIET)).isNull();
    assertThat(ackRows(id)).containsExactly("AE");
  }

  @Test
  void a_message_discarded_before_it_was_applied_gets_an_ae_saying_so() throws Exception {
    try (RefusedPatients refused = new RefusedPatients(jdbc)) {
      String mrn = RefusedPatients.PREFIX + Hl7Samples.unique();
      String id = send(Hl7Samples.adt("A04", Hl7Samples.unique(), mrn), "ER");
      long row = inboundId(id);

      // it waits for its next retry most of the time; a discard that meets it PROCESSING is refused
      await()
          .atMost(WAIT)
          .ignoreExceptions()
          .until(() -> reprocessing.discard(row, "sent twice by the feed") != null);

      Hl7Message ae = replies.next(WAIT);
      assertThat(ae.get("MSA-1")).isEqualTo("AE");
      assertThat(ae.get("MSA-2")).isEqualTo(id);
      assertThat(ae.get("ERR-8")).contains("HL7-058");
      assertThat(replies.poll(QUIET)).isNull();
      assertThat(ackRows(id)).containsExactly("AE");
    }
  }

  /** Sends over MLLP with MSH-15 AL and the given MSH-16; answers the control id. */
  private String send(String message, String msh16) throws Exception {
    String id = Hl7Message.parse(message.getBytes(StandardCharsets.UTF_8)).get("MSH-10");
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.send(Hl7Samples.withHeaderFields(message, "AL", msh16));
      assertThat(peer.answer(WAIT)).contains("MSA|CA|" + id);
    }
    return id;
  }

  /** An MDM without its TXA: it cannot be applied (HL7-102), however often it is tried. */
  private static String mdmWithoutTxa() {
    return Hl7Samples.adt("A04", Hl7Samples.unique(), "M1").replace("ADT^A04^ADT_A01", "MDM^T02");
  }

  private long inboundId(String controlId) {
    return Long.parseLong(column("id", controlId));
  }

  private String status(String controlId) {
    return column("status", controlId);
  }

  private int attempts(String controlId) {
    return Integer.parseInt(column("attempts", controlId));
  }

  private String marker(String controlId) {
    return column("follow_up", controlId);
  }

  /** A column of the message's inbound row, as text; null when NULL. */
  private String column(String name, String controlId) {
    return jdbc.sql(
            "SELECT "
                + name
                + "::text FROM exchange WHERE direction = 'INBOUND' AND message_id = ?")
        .param(controlId)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .single()
        .orElse(null);
  }

  private void awaitStatus(String controlId, String expected) {
    await().atMost(WAIT).until(() -> expected.equals(status(controlId)));
  }

  /** MSA-1 of each application ACK row recorded for the message, in the order recorded. */
  private List<String> ackRows(String controlId) {
    return ackColumn("a.id", controlId).stream().map(Long::parseLong).map(this::msa1).toList();
  }

  /** The correlation key of each application ACK row recorded for the message. */
  private List<String> ackKeys(String controlId) {
    return ackColumn("a.correlation_key", controlId);
  }

  private List<String> ackColumn(String column, String controlId) {
    return jdbc.sql(
            "SELECT "
                + column
                + """
                ::text FROM exchange a JOIN exchange m ON a.parent_id = m.id
                WHERE m.direction = 'INBOUND' AND m.message_id = ? AND a.direction = 'OUTBOUND'
                  AND a.message_type LIKE 'ACK%' ORDER BY a.id
                """)
        .param(controlId)
        .query(String.class)
        .list();
  }

  private String msa1(long ackRowId) {
    byte[] body = new StoredPayloads(jdbc, crypto).read(ackRowId).orElseThrow();
    return Hl7Message.parse(body).get("MSA-1");
  }
}
