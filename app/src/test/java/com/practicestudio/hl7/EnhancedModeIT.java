package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.hl7v2.Hl7Message;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enhanced acknowledgment: the commit ACK on the connection, the application ACK through the
 * listener's reply sender as MSH-16 asks.
 */
@Hl7IntegrationTest
class EnhancedModeIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @Autowired Hl7Interfaces interfaces;
  @Autowired Hl7Rules rules;
  @Autowired InterfaceRegistry registry;
  @Autowired JdbcClient jdbc;

  private EnhancedListener enhanced;
  private ReceivingPeer replies;
  private Hl7Interface listener;
  private int port;

  @BeforeEach
  void setUp() throws Exception {
    enhanced = new EnhancedListener(interfaces, rules, registry);
    replies = enhanced.replies;
    listener = enhanced.listener;
    port = enhanced.port;
  }

  @AfterEach
  void tearDown() {
    enhanced.close();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void a_listener_saved_without_a_reply_sender_says_so_when_a_message_asks_for_an_application_ack(
      CapturedOutput output) throws Exception {
    // as a listener saved before a reply sender was required: the validator no longer allows it
    jdbc.sql("UPDATE hl7_interface SET settings = settings - 'replySenderId' WHERE id = ?")
        .param(listener.id())
        .update();
    jdbc.sql("UPDATE hl7_config SET generation = generation + 1 WHERE id = 1").update();
    await()
        .atMost(WAIT)
        .until(
            () ->
                registry.config().byId(listener.id()).orElseThrow().listener().replySenderId()
                    == null);
    String id = Hl7Samples.unique();

    try (MllpPeer peer = new MllpPeer(port)) {
      peer.send(Hl7Samples.withHeaderFields(Hl7Samples.adt("A04", id, "M2"), "AL", "AL"));
      assertThat(peer.answer(WAIT)).contains("MSA|CA|" + id);
    }

    assertThat(output.getOut())
        .contains(
            listener.name()
                + ": control id "
                + id
                + " asks for an application ACK (MSH-16) but the listener has no reply sender");
  }

  @Test
  void commit_ack_on_the_connection_then_an_application_ae_with_the_apply_error() throws Exception {
    String id = Hl7Samples.unique();
    String mdm = Hl7Samples.adt("A04", id, "M1").replace("ADT^A04^ADT_A01", "MDM^T02");
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.send(Hl7Samples.withHeaderFields(mdm, "AL", "AL"));
      assertThat(peer.answer(WAIT)).contains("MSA|CA|" + id);
    }
    Hl7Message app = replies.next(WAIT);
    assertThat(app.messageType()).isEqualTo("ACK");
    assertThat(app.get("MSA-1")).isEqualTo("AE");
    assertThat(app.get("MSA-2")).isEqualTo(id);
    // an MDM without its TXA cannot be applied
    assertThat(app.get("ERR-8")).contains("HL7-054").contains("HL7-102");
    assertThat(app.get("MSH-5")).isEqualTo("CERNER"); // addressed back to the sender
  }

  @Test
  void an_application_aa_follows_a_message_applied_or_ignored() throws Exception {
    String id = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.send(Hl7Samples.withHeaderFields(Hl7Samples.adt("A31", id, "M1"), "AL", "AL"));
      assertThat(peer.answer(WAIT)).contains("MSA|CA|" + id);
    }
    Hl7Message app = replies.next(WAIT);
    assertThat(app.get("MSA-1")).isEqualTo("AA");
    assertThat(app.get("MSA-2")).isEqualTo(id);
  }

  @Test
  void msh16_er_sends_no_application_ack_on_success() throws Exception {
    String id = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.send(Hl7Samples.withHeaderFields(Hl7Samples.adt("A31", id, "M1"), "AL", "ER"));
      assertThat(peer.answer(WAIT)).contains("MSA|CA|" + id);
    }
    assertThat(replies.poll(Duration.ofSeconds(2))).isNull();
  }

  @Test
  void refused_messages_get_cr_and_messages_without_msh15_16_get_original_acks() throws Exception {
    String refused = Hl7Samples.unique();
    String original = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.send(Hl7Samples.withHeaderFields(Hl7Samples.adt("A28", refused, "M1"), "AL", "NE"));
      assertThat(peer.answer(WAIT)).contains("MSA|CR|" + refused).contains("HL7-050");
      peer.send(Hl7Samples.adt("A31", original, "M2"));
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + original);
    }
    assertThat(replies.poll(Duration.ofSeconds(1))).isNull();
  }

  @Test
  void a_message_that_cannot_be_stored_gets_a_commit_ce_and_no_application_ack() throws Exception {
    String id = FailingStore.controlId();
    try (FailingStore failing = new FailingStore(jdbc);
        MllpPeer peer = new MllpPeer(port)) {
      peer.send(Hl7Samples.withHeaderFields(Hl7Samples.adt("A31", id, "M1"), "AL", "AL"));
      assertThat(peer.answer(WAIT)).contains("MSA|CE|" + id).contains("HL7-052");
    }
    assertThat(replies.poll(Duration.ofSeconds(1))).isNull();
  }

  @Test
  void a_frame_too_large_is_refused_with_cr_when_it_asks_for_enhanced_mode() throws Exception {
    String id = Hl7Samples.unique();
    String adt = Hl7Samples.withHeaderFields(Hl7Samples.adt("A31", id, "M1"), "AL", "AL");
    String tooLarge = adt + "NTE|1||" + "x".repeat(70_000) + "\r"; // the listener takes 64 KiB
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.send(tooLarge);
      assertThat(peer.answer(WAIT)).contains("MSA|CR|" + id).contains("HL7-055");
      peer.send(Hl7Samples.adt("A31", id, "M1")); // no MSH-15/16: original mode
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + id);
    }
  }
}
