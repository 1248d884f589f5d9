package com.practicestudio.sandbox.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7v2.AckCode;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The peer sends to an in-test MLLP listener over real sockets and records the ACKs. */
class Hl7PeerSendIT {

  static CernerSandbox sandbox;
  static Hl7Peer hl7;
  TestListener listener;

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
  void listen() throws Exception {
    hl7.reset();
    listener = new TestListener();
  }

  @AfterEach
  void close() {
    listener.close();
  }

  @Test
  void sends_generated_messages_and_records_each_ack_with_its_text() {
    listener.answerWith(m -> m.messageType().equals("ORU") ? AckCode.AE : AckCode.AA);
    Hl7Run run =
        hl7.send(
            Hl7Script.to(listener.target()).generate("ADT^A04", 3).generate("ORU^R01", 2).build());
    assertThat(run.status()).isEqualTo(Hl7Run.Status.DONE);
    List<SentMessage> sent = run.messages();
    assertThat(sent).extracting(SentMessage::number).containsExactly(1, 2, 3, 4, 5);
    assertThat(sent)
        .extracting(SentMessage::type)
        .containsExactly("ADT^A04", "ADT^A04", "ADT^A04", "ORU^R01", "ORU^R01");
    assertThat(sent).extracting(SentMessage::ackCode).containsExactly("AA", "AA", "AA", "AE", "AE");
    assertThat(sent).allSatisfy(m -> assertThat(m.ackControlId()).isEqualTo(m.controlId()));
    assertThat(sent).allSatisfy(m -> assertThat(m.ackMillis()).isNotNull().isNotNegative());
    assertThat(sent).allSatisfy(m -> assertThat(m.error()).isNull());
    assertThat(sent.get(3).ackText()).isEqualTo(TestListener.REFUSAL);
    assertThat(sent.get(0).ackText()).isNull();
    assertThat(listener.received())
        .extracting(Hl7Message::controlId)
        .containsExactlyElementsOf(sent.stream().map(SentMessage::controlId).toList());
    assertThat(listener.received().get(0).get("MSH-18")).isEqualTo("8859/1");
  }

  @Test
  void literal_messages_go_as_given_even_when_they_are_not_hl7() {
    String adt =
        "MSH|^~\\&||HNA|||20231023170230||ADT^A08|Q1T1|P|2.3||||||8859/1\n"
            + "EVN|A08|20231023170230\n"
            + "PID|1||1300964^^^MRN^CD:10||TEST^SCENARIO||20230913|M\n";
    Hl7Run run =
        hl7.send(Hl7Script.to(listener.target()).message(adt).message("not a message").build());
    assertThat(run.messages()).extracting(SentMessage::ackCode).containsExactly("AA", "AR");
    assertThat(run.messages().get(0).controlId()).isEqualTo("Q1T1");
    assertThat(run.messages().get(1).controlId()).isNull();
    assertThat(listener.received()).hasSize(1);
    assertThat(listener.received().get(0).segments()).hasSize(3);
  }

  @ParameterizedTest(name = "{0} in flight")
  @ValueSource(ints = {1, 4})
  void keeps_at_most_the_in_flight_limit_unanswered(int inFlight) throws Exception {
    AtomicInteger outstanding = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    List<Hl7Message> seen = new ArrayList<>();
    try (TestListener slow =
        new TestListener(
            (frame, peer) -> {
              Hl7Message message = Hl7Message.parse(frame.payload());
              synchronized (seen) {
                seen.add(message);
              }
              most.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
              CompletableFuture<byte[]> answer = new CompletableFuture<>();
              later.schedule(
                  () -> {
                    outstanding.decrementAndGet();
                    answer.complete(TestListener.ack(message, AckCode.AA));
                  },
                  150,
                  TimeUnit.MILLISECONDS);
              return answer;
            })) {
      Hl7Run run =
          hl7.send(Hl7Script.to(slow.target()).generate("ADT^A08", 8).inFlight(inFlight).build());
      assertThat(run.messages()).extracting(SentMessage::ackCode).containsOnly("AA").hasSize(8);
      assertThat(run.messages())
          .allSatisfy(m -> assertThat(m.ackControlId()).isEqualTo(m.controlId()));
      assertThat(most.get()).isEqualTo(inFlight);
      assertThat(seen).hasSize(8);
    } finally {
      later.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0} in flight")
  @ValueSource(ints = {1, 3})
  void unanswered_messages_time_out_with_mllp_032(int inFlight) throws Exception {
    try (TestListener mute = new TestListener((frame, peer) -> new CompletableFuture<>())) {
      Hl7Run run =
          hl7.send(
              Hl7Script.to(mute.target())
                  .generate("ADT^A31", 2)
                  .inFlight(inFlight)
                  .ackTimeout(Duration.ofMillis(300))
                  .build());
      assertThat(run.messages()).hasSize(2);
      assertThat(run.messages())
          .allSatisfy(m -> assertThat(m.error()).startsWith("MLLP-032"))
          .allSatisfy(m -> assertThat(m.ackCode()).isNull());
    }
  }

  @Test
  void an_unreachable_target_is_recorded_for_each_message() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Hl7Run run = hl7.send(Target.local(closedPort), hl7.generate("ADT^A31", 2));
    assertThat(run.status()).isEqualTo(Hl7Run.Status.DONE);
    assertThat(run.messages()).allSatisfy(m -> assertThat(m.error()).startsWith("MLLP-030"));
  }

  @Test
  void paces_messages_to_the_rate() {
    Hl7Run run =
        hl7.send(Hl7Script.to(listener.target()).generate("ADT^A31", 5).ratePerSecond(20).build());
    List<SentMessage> sent = run.messages();
    Duration span = Duration.between(sent.get(0).sentAt(), sent.get(4).sentAt());
    assertThat(span).isGreaterThanOrEqualTo(Duration.ofMillis(190));
  }

  @Test
  void a_booking_in_the_sandbox_is_announced_with_an_siu_s12() throws Exception {
    hl7.notifyBookings(listener.target());
    SlotRecord slot =
        sandbox.data().slots().stream()
            .filter(s -> s.status() == SlotStatus.FREE)
            .findFirst()
            .orElseThrow();
    PatientRecord patient =
        sandbox.data().patients().stream().filter(PatientRecord::active).findFirst().orElseThrow();
    AppointmentRecord booked = sandbox.data().book(slot.slotId(), patient.personId(), "Flu shot");
    for (int i = 0; i < 250 && listener.received().isEmpty(); i++) {
      Thread.sleep(20);
    }
    Hl7Message siu = listener.received().get(0);
    assertThat(siu.messageType() + "^" + siu.triggerEvent()).isEqualTo("SIU^S12");
    assertThat(siu.get("SCH-2.1")).isEqualTo(Long.toString(booked.appointmentId()));
    assertThat(siu.get("SCH-7.2")).isEqualTo("Flu shot");
    assertThat(siu.get("PID-3.1")).isEqualTo(patient.mrn());
    assertThat(hl7.runs()).hasSize(1);
    hl7.notifyBookings(null);
    SlotRecord another =
        sandbox.data().slots().stream()
            .filter(s -> s.status() == SlotStatus.FREE)
            .findFirst()
            .orElseThrow();
    sandbox.data().book(another.slotId(), patient.personId(), null);
    Thread.sleep(200);
    assertThat(listener.received()).hasSize(1);
  }

  @Test
  void a_background_run_is_followed_by_its_id() {
    Hl7Run started = hl7.start(Hl7Script.to(listener.target()).generate("SIU^S12", 3).build());
    assertThat(hl7.run(started.id())).containsSame(started);
    Hl7Run done = started.await(Duration.ofSeconds(20));
    assertThat(done.status()).isEqualTo(Hl7Run.Status.DONE);
    assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
    assertThat(done.messages()).extracting(SentMessage::ackCode).containsOnly("AA");
    assertThat(hl7.runs()).containsExactly(started);
  }
}
