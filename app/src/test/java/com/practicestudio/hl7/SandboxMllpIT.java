package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.patients.PatientInput;
import com.practicestudio.patients.PatientService;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.hl7.Answer;
import com.practicestudio.sandbox.hl7.Hl7Peer;
import com.practicestudio.sandbox.hl7.Hl7Run;
import com.practicestudio.sandbox.hl7.ReceivedMessage;
import com.practicestudio.sandbox.hl7.SentMessage;
import com.practicestudio.sandbox.hl7.Target;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import com.practicestudio.scheduling.AppointmentDraft;
import com.practicestudio.scheduling.AppointmentService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Both directions with the Cerner sandbox's MLLP peer: its Cerner-shaped messages into a live
 * listener (acknowledged after commit, keyed by MRN), and our outbound SIU to it (delivered, and a
 * NAK retried into the error queue).
 */
@Hl7IntegrationTest
class SandboxMllpIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final CernerSandboxExtension SANDBOX =
      new CernerSandboxExtension(() -> CernerSandbox.builder().patients(100).mllpPort(0));

  @Autowired Hl7Interfaces interfaces;
  @Autowired InterfaceRegistry registry;
  @Autowired AppointmentService appointments;
  @Autowired PatientService patients;
  @Autowired JdbcClient jdbc;

  @InjectSandbox CernerSandbox sandbox;
  private Hl7Peer peer;
  private final List<Long> created = new ArrayList<>();

  @BeforeEach
  void reset() {
    peer = sandbox.hl7();
    peer.reset();
  }

  @AfterEach
  void cleanUp() {
    created.forEach(interfaces::delete);
  }

  @Test
  void cerner_shaped_messages_of_every_type_are_acknowledged_after_commit_and_keyed_by_mrn() {
    Hl7Interface itf = new TestInterfaces(interfaces, registry).listener(null, null);
    created.add(itf.id());
    List<Hl7Message> messages = new ArrayList<>();
    for (String type :
        List.of(
            "ADT^A04", "ADT^A08", "ADT^A31", "ADT^A40", "SIU^S12", "ORU^R01", "DFT^P03",
            "MDM^T02")) {
      messages.addAll(peer.generate(type, 2));
    }
    Hl7Run run = peer.send(Target.local(registry.boundPort(itf.name()).orElseThrow()), messages);

    assertThat(run.messages()).hasSize(messages.size());
    assertThat(run.messages()).allMatch(SentMessage::accepted, "all answered AA");
    for (SentMessage sent : run.messages()) {
      var row =
          jdbc.sql("SELECT * FROM exchange WHERE endpoint = ? AND message_id = ?")
              .params(itf.name(), sent.controlId())
              .query()
              .singleRow();
      assertThat(row.get("sender")).isEqualTo("HNAM^SANDBOX");
      Hl7Message m = Hl7Message.parse(sent.message());
      String expectedMrn = m.segment("MRG").isPresent() ? m.get("MRG-1.1") : m.get("PID-3.1");
      assertThat(row.get("correlation_key")).as(sent.type()).isEqualTo("MRN:" + expectedMrn);
      assertThat(row.get("content_type")).isEqualTo("application/hl7-v2; charset=ISO-8859-1");
    }
  }

  @Test
  void our_siu_reaches_the_sandbox_and_its_nak_is_retried_into_the_error_queue() throws Exception {
    Hl7Interface sender =
        new TestInterfaces(interfaces, registry).sender(peer.port(), List.of("SIU"), 2, 5_000);
    created.add(sender.id());
    long patientId =
        patients
            .create(
                PatientInput.builder()
                    .mrn("SB" + Hl7Samples.unique())
                    .name("Grace", null, "Hopper", null)
                    .dateOfBirth(LocalDate.of(1986, 12, 9))
                    .gender("F")
                    .build())
            .id();
    var booked =
        appointments.create(
            new AppointmentDraft(
                null,
                patientId,
                null,
                null,
                "follow-up",
                "booked",
                null,
                Instant.parse("2027-05-03T14:00:00Z"),
                Instant.parse("2027-05-03T14:20:00Z"),
                null,
                null,
                null,
                null,
                null,
                null));
    ReceivedMessage siu = peer.awaitReceived(1, WAIT).get(0);
    assertThat(siu.type()).isEqualTo("SIU^S12");
    assertThat(siu.placerAppointmentId()).isEqualTo(Long.toString(booked.id()));
    assertThat(siu.problem()).isNull();
    assertThat(siu.answer()).isEqualTo("AA");

    peer.answers().forType("SIU^S15", Answer.error("Appointment locked"));
    appointments.cancel(booked.id(), null);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var row =
                  jdbc.sql(
                          "SELECT status, error_code, attempts FROM exchange"
                              + " WHERE direction = 'OUTBOUND' AND message_type = 'SIU^S15'"
                              + " AND correlation_key = ?")
                      .param("patient:" + patientId)
                      .query()
                      .singleRow();
              assertThat(row.get("status")).isEqualTo("FAILED");
              assertThat(row.get("error_code")).isEqualTo("HL7-062");
              assertThat(row.get("attempts")).isEqualTo(2);
            });
    assertThat(peer.received().stream().filter(r -> r.type().equals("SIU^S15")).count())
        .isEqualTo(2);
  }
}
