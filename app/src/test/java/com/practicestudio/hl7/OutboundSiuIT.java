package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.InboundMessage;
import com.practicestudio.journal.Payload;
import com.practicestudio.journal.Recorded;
import com.practicestudio.patients.PatientInput;
import com.practicestudio.patients.PatientService;
import com.practicestudio.scheduling.Appointment;
import com.practicestudio.scheduling.AppointmentDraft;
import com.practicestudio.scheduling.AppointmentService;
import com.practicestudio.scheduling.RecordsFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appointments booked, changed and cancelled go out as SIU S12/S14/S15 through the sender
 * interface, to an in-test MLLP peer: in order per patient; a NAK or no answer is retried and ends
 * FAILED in the error queue.
 */
@Hl7IntegrationTest
class OutboundSiuIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired Hl7Interfaces interfaces;
  @Autowired InterfaceRegistry registry;
  @Autowired AppointmentService appointments;
  @Autowired PatientService patients;
  @Autowired JdbcClient jdbc;
  @Autowired ExchangeJournal journal;

  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
  }

  private ReceivingPeer peerWithSender(int maxAttempts, long ackTimeoutMillis) throws Exception {
    ReceivingPeer peer = new ReceivingPeer();
    Hl7Interface sender =
        new TestInterfaces(interfaces, registry)
            .sender(peer.port(), List.of("SIU"), maxAttempts, ackTimeoutMillis);
    cleanup.add(() -> interfaces.delete(sender.id()));
    cleanup.add(peer);
    return peer;
  }

  private long patient(String mrn) {
    return patients
        .create(
            PatientInput.builder()
                .mrn(mrn)
                .identifier("MR", mrn, "HOSP", null)
                .name("Ada", null, "Lovelace", null)
                .dateOfBirth(LocalDate.of(1990, 12, 10))
                .gender("F")
                .build())
        .id();
  }

  private Appointment book(long patientId, Long providerId, Long locationId, Instant start) {
    return appointments.create(
        new AppointmentDraft(
            null,
            patientId,
            providerId,
            locationId,
            "follow-up",
            "booked",
            null,
            start,
            start.plusSeconds(1800),
            null,
            "check-up",
            null,
            null,
            null,
            null));
  }

  @Test
  void booking_changing_and_cancelling_send_s12_s14_s15_in_order() throws Exception {
    ReceivingPeer peer = peerWithSender(5, 2_000);
    RecordsFixture records = new RecordsFixture(jdbc);
    String mrn = "S" + Hl7Samples.unique();
    long patientId = patient(mrn);
    long provider = records.provider();
    long location = records.location("America/Chicago");
    Instant start = Instant.parse("2027-01-15T15:30:00Z");

    Appointment booked = book(patientId, provider, location, start);
    Appointment moved =
        appointments.update(
            booked.id(),
            new AppointmentDraft(
                null,
                patientId,
                provider,
                location,
                "follow-up",
                "booked",
                null,
                start.plusSeconds(3600),
                start.plusSeconds(5400),
                null,
                "check-up",
                null,
                null,
                null,
                booked.version()));
    appointments.cancel(moved.id(), "patient called");

    Hl7Message s12 = peer.next(WAIT);
    Hl7Message s14 = peer.next(WAIT);
    Hl7Message s15 = peer.next(WAIT);
    assertThat(List.of(s12.triggerEvent(), s14.triggerEvent(), s15.triggerEvent()))
        .containsExactly("S12", "S14", "S15");
    assertThat(s12.messageType()).isEqualTo("SIU");
    assertThat(s12.get("SCH-1.1")).isEqualTo(Long.toString(booked.id()));
    assertThat(s12.get("PID-3.1")).isEqualTo(mrn);
    assertThat(s12.get("PID-3.5")).isEqualTo("MRN");
    assertThat(s12.get("PID-5.1")).isEqualTo("Lovelace");
    // 15:30 UTC is 09:30 in Chicago in January (UTC-6)
    assertThat(s12.get("AIS-4")).isEqualTo("20270115093000-0600");
    assertThat(s12.get("SCH-11.4")).isEqualTo("20270115093000-0600");
    assertThat(s12.get("SCH-9")).isEqualTo("30");
    assertThat(s12.get("SCH-25")).isEqualTo("Confirmed"); // booked → Cerner code set 14233
    assertThat(s12.get("AIL-3.1")).isNotEmpty();
    assertThat(s12.get("AIP-3.2")).startsWith("Provider-");
    assertThat(s12.segments().stream().map(s -> s.name()).toList())
        .containsSubsequence("MSH", "SCH", "PID", "PV1", "RGS", "AIS", "AIP", "AIL");
    assertThat(s14.get("AIS-4")).isEqualTo("20270115103000-0600");
    assertThat(s15.get("SCH-6.2")).isEqualTo("patient called");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(statuses("patient:" + patientId))
                    .containsExactly("DELIVERED", "DELIVERED", "DELIVERED"));
  }

  @Test
  void messages_for_one_patient_leave_in_the_order_they_were_made() throws Exception {
    ReceivingPeer peer = peerWithSender(5, 2_000);
    long first = patient("O" + Hl7Samples.unique());
    long second = patient("O" + Hl7Samples.unique());
    List<Long> firstIds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      firstIds.add(
          book(first, null, null, Instant.parse("2027-02-01T10:00:00Z").plusSeconds(3600L * i))
              .id());
      book(second, null, null, Instant.parse("2027-02-01T10:00:00Z").plusSeconds(3600L * i));
    }
    List<String> seenForFirst = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Hl7Message m = peer.next(WAIT);
      if (firstIds.contains(Long.parseLong(m.get("SCH-1.1")))) {
        seenForFirst.add(m.get("SCH-1.1"));
      }
    }
    assertThat(seenForFirst)
        .containsExactlyElementsOf(firstIds.stream().map(String::valueOf).toList());
  }

  @Test
  void a_nak_is_retried_and_ends_failed_in_the_error_queue() throws Exception {
    ReceivingPeer peer = peerWithSender(3, 2_000);
    peer.answer(ReceivingPeer.Policy.REJECT);
    long patientId = patient("N" + Hl7Samples.unique());
    book(patientId, null, null, Instant.parse("2027-03-01T10:00:00Z"));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Map<String, Object> row = outbound("patient:" + patientId);
              assertThat(row)
                  .containsEntry("status", "FAILED")
                  .containsEntry("error_code", "HL7-062");
              assertThat(row.get("attempts")).isEqualTo(3);
            });
    for (int i = 0; i < 3; i++) {
      assertThat(peer.next(WAIT).triggerEvent()).isEqualTo("S12"); // sent three times
    }
  }

  @Test
  void no_answer_within_the_ack_timeout_is_retried_then_failed() throws Exception {
    ReceivingPeer peer = peerWithSender(2, 300);
    peer.answer(ReceivingPeer.Policy.SILENT);
    long patientId = patient("T" + Hl7Samples.unique());
    book(patientId, null, null, Instant.parse("2027-03-02T10:00:00Z"));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(outbound("patient:" + patientId))
                    .containsEntry("status", "FAILED")
                    .containsEntry("error_code", "HL7-063"));
    assertThat(String.valueOf(outbound("patient:" + patientId).get("error_text")))
        .contains("MLLP-032");
  }

  @Test
  void an_appointment_booked_by_an_inbound_siu_is_not_echoed_back() throws Exception {
    ReceivingPeer peer = peerWithSender(5, 2_000);
    String mrn = "E" + Hl7Samples.unique();
    String filler = "F" + Hl7Samples.unique();
    Recorded in =
        journal.recordInbound(
            InboundMessage.of(
                Channel.HL7,
                "SIU^S12",
                "echo-test",
                filler,
                Payload.text(
                    "MSH|^~\\&|SCHED|CLINIC|PS|PS|20270501120000||SIU^S12|"
                        + filler
                        + "|P|2.3\r"
                        + "SCH|P"
                        + filler
                        + "|"
                        + filler
                        + "|||1|||OV^Office Visit|30|min|^^^20270510090000^20270510093000"
                        + "|".repeat(14)
                        + "Booked\r"
                        + "PID|1||"
                        + mrn
                        + "^^^HOSP^MR||ECHO^ANNA||19800101|F\r",
                    "application/hl7-v2")));
    await()
        .atMost(WAIT)
        .until(() -> journal.find(in.id()).orElseThrow().status() == ExchangeStatus.APPLIED);
    long patientId = patients.findByMrn(mrn, "HOSP").orElseThrow().id();

    book(patientId, null, null, Instant.parse("2027-05-11T10:00:00Z")); // the practice's own
    assertThat(peer.next(WAIT).get("SCH-11.4")).startsWith("20270511");
    assertThat(statuses("patient:" + patientId))
        .as("one SIU: the practice's booking, not Cerner's")
        .hasSize(1);
  }

  @Test
  void without_an_siu_sender_no_rows_are_written() {
    assertThat(registry.config().sendersFor("SIU")).isEmpty();
    long patientId = patient("X" + Hl7Samples.unique());
    book(patientId, null, null, Instant.parse("2027-04-01T10:00:00Z"));
    assertThat(statuses("patient:" + patientId)).isEmpty();
  }

  private List<String> statuses(String key) {
    return jdbc.sql(
            "SELECT status FROM exchange WHERE direction = 'OUTBOUND' AND correlation_key = ?"
                + " ORDER BY id")
        .param(key)
        .query(String.class)
        .list();
  }

  private Map<String, Object> outbound(String key) {
    return jdbc.sql("SELECT * FROM exchange WHERE direction = 'OUTBOUND' AND correlation_key = ?")
        .param(key)
        .query()
        .singleRow();
  }
}
