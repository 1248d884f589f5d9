package com.practicestudio.sandbox.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.MessageBuilder;
import com.practicestudio.mllp.MllpError;
import com.practicestudio.mllp.MllpException;
import com.practicestudio.mllp.MllpSender;
import com.practicestudio.mllp.SenderOptions;
import com.practicestudio.sandbox.CernerSandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The peer's listener answers Practice Studio's messages as told and records each one. */
class Hl7PeerListenIT {

  static CernerSandbox sandbox;
  static Hl7Peer hl7;

  @BeforeAll
  static void start() {
    sandbox = CernerSandbox.builder().patients(200).mllpPort(0).build().start();
    hl7 = sandbox.hl7();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    hl7.reset();
  }

  /** An outbound SIU as Practice Studio might send it (v2.5.1, its own ids, TQ1 timing). */
  static Hl7Message practiceStudioSiu(String trigger, String controlId) {
    return MessageBuilder.create()
        .set("MSH-3", "PRACTICE_STUDIO")
        .set("MSH-5", "HNAM")
        .set("MSH-7", "20261125090000-0600")
        .set("MSH-9.1", "SIU")
        .set("MSH-9.2", trigger)
        .set("MSH-9.3", "SIU_" + trigger)
        .set("MSH-10", controlId)
        .set("MSH-11", "P")
        .set("MSH-12", "2.5.1")
        .set("SCH-1.1", "PS-APT-" + controlId)
        .set("SCH-1.2", "PRACTICE_STUDIO")
        .set("SCH-2.1", "50000077")
        .set("SCH-2.2", "HNAM")
        .set("TQ1-1", "1")
        .set("TQ1-7", "20261201093000-0600")
        .set("PID-1", "1")
        .set("PID-3(1).1", "PS-88")
        .set("PID-3(1).5", "PI")
        .set("PID-3(2).1", "10001234")
        .set("PID-3(2).4", "SANDBOX MRN")
        .set("PID-3(2).5", "MRN")
        .set("PID-5.1", "Doe")
        .build();
  }

  static AckSummary send(Hl7Message message) throws MllpException {
    return send(message.toBytes(), Duration.ofSeconds(10));
  }

  static AckSummary send(byte[] bytes, Duration ackTimeout) throws MllpException {
    Target peer = hl7.listenerTarget();
    try (MllpSender sender =
        new MllpSender(SenderOptions.to(peer.host(), peer.port()).withAckTimeout(ackTimeout))) {
      return AckSummary.read(sender.send(bytes));
    }
  }

  @Test
  void answers_aa_and_records_the_message_with_its_ids_and_start() throws Exception {
    AckSummary ack = send(practiceStudioSiu("S12", "PS-1"));
    assertThat(ack.code()).isEqualTo("AA");
    assertThat(ack.controlId()).isEqualTo("PS-1");
    Hl7Message raw = Hl7Message.parse(ack.raw());
    assertThat(raw.get("MSH-3")).isEqualTo("HNAM");
    assertThat(raw.get("MSH-5")).isEqualTo("PRACTICE_STUDIO");
    assertThat(raw.controlId()).matches("Q\\d+T\\d+");
    List<ReceivedMessage> received = hl7.received();
    assertThat(received).hasSize(1);
    ReceivedMessage message = received.get(0);
    assertThat(message.sequence()).isEqualTo(1);
    assertThat(message.type()).isEqualTo("SIU^S12");
    assertThat(message.controlId()).isEqualTo("PS-1");
    assertThat(message.patientMrn()).isEqualTo("10001234");
    assertThat(message.placerAppointmentId()).isEqualTo("PS-APT-PS-1");
    assertThat(message.fillerAppointmentId()).isEqualTo("50000077");
    assertThat(message.startTime()).isEqualTo("2026-12-01T09:30:00-06:00");
    assertThat(message.answer()).isEqualTo("AA");
    assertThat(message.problem()).isNull();
    assertThat(message.parse().get("PID-5.1")).isEqualTo("Doe");
  }

  @Test
  void answers_ae_or_ar_per_type_for_the_next_messages_and_at_a_rate() throws Exception {
    hl7.answers()
        .forType("SIU^S15", Answer.error("Appointment locked"))
        .next(1, Answer.reject("Busy"));
    AckSummary first = send(practiceStudioSiu("S12", "PS-2"));
    assertThat(first.code()).isEqualTo("AR");
    assertThat(first.text()).isEqualTo("Busy");
    assertThat(send(practiceStudioSiu("S12", "PS-3")).code()).isEqualTo("AA");
    AckSummary cancel = send(practiceStudioSiu("S15", "PS-4"));
    assertThat(cancel.code()).isEqualTo("AE");
    assertThat(cancel.text()).isEqualTo("Appointment locked");
    assertThat(Hl7Message.parse(cancel.raw()).get("ERR-3.1")).isEqualTo("207");
    hl7.answers().rate(1.0, Answer.error("Sometimes"));
    assertThat(send(practiceStudioSiu("S14", "PS-5")).code()).isEqualTo("AE");
    assertThat(hl7.received())
        .extracting(ReceivedMessage::answer)
        .containsExactly("AR", "AA", "AE", "AE");
  }

  @Test
  void a_withheld_answer_times_the_sender_out_and_a_delayed_one_comes_late() throws Exception {
    hl7.answers().next(1, Answer.none()).next(1, Answer.accept().after(Duration.ofMillis(400)));
    assertThatThrownBy(
            () -> send(practiceStudioSiu("S12", "PS-6").toBytes(), Duration.ofMillis(500)))
        .isInstanceOfSatisfying(
            MllpException.class, e -> assertThat(e.error()).isEqualTo(MllpError.ACK_TIMEOUT));
    long start = System.nanoTime();
    AckSummary late = send(practiceStudioSiu("S12", "PS-7"));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(late.code()).isEqualTo("AA");
    assertThat(hl7.received())
        .extracting(ReceivedMessage::answer, ReceivedMessage::answerDelayMillis)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("NONE", 0L),
            org.assertj.core.groups.Tuple.tuple("AA", 400L));
  }

  @Test
  void bytes_that_are_not_hl7_are_rejected_and_recorded() throws Exception {
    AckSummary ack = send("hello".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(5));
    assertThat(ack.code()).isEqualTo("AR");
    ReceivedMessage received = hl7.received().get(0);
    assertThat(received.answer()).isEqualTo("AR");
    assertThat(received.problem()).startsWith("HL7-");
    assertThat(received.type()).isEmpty();
    assertThat(received.message()).isEqualTo("hello");
  }

  @Test
  void the_peer_can_send_to_its_own_listener() {
    Hl7Run run = hl7.send(hl7.listenerTarget(), hl7.generate("SIU^S12", 2));
    assertThat(run.messages()).extracting(SentMessage::ackCode).containsExactly("AA", "AA");
    assertThat(hl7.received())
        .extracting(ReceivedMessage::controlId)
        .containsExactlyElementsOf(run.messages().stream().map(SentMessage::controlId).toList());
    assertThat(hl7.received()).allSatisfy(m -> assertThat(m.fillerAppointmentId()).isNotNull());
    assertThat(hl7.received()).allSatisfy(m -> assertThat(m.startTime()).isNotNull());
    hl7.clearReceived();
    assertThat(hl7.received()).isEmpty();
  }
}
