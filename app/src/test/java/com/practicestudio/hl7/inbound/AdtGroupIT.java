package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.clinical.Encounter;
import com.practicestudio.clinical.EncounterService;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.JournalSteps;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * ADT messages applied many to a transaction, as the workers apply a backlog, with their reads done
 * ahead for the whole group: they end as they would one by one, also when two messages of a group
 * name the same patient, identifier or FIN. The workers are off; the test claims and applies.
 */
@IntegrationTest
@TestPropertySource(properties = "practice-studio.journal.workers.enabled=false")
class AdtGroupIT {

  @Autowired ExchangeJournal journal;
  @Autowired PatientService patients;
  @Autowired EncounterService encounters;
  @Autowired ApplicationContext context;

  private InboundJournal hl7;
  private String run;

  @BeforeEach
  void journal() {
    hl7 = new InboundJournal(journal);
    run = UUID.randomUUID().toString().substring(0, 8);
    JournalSteps.runDue(context); // nothing left over from another test
  }

  @Test
  void a_group_of_registrations_then_of_updates_and_of_repeats_apply_as_one_by_one() {
    List<String> mrns = IntStream.range(0, 5).mapToObj(i -> "M" + run + i).toList();
    List<Long> registered =
        mrns.stream()
            .map(m -> record("A04", pid3(m), "(303)555-1000", "Denver", "F" + m, "O"))
            .toList();
    assertThat(JournalSteps.runDue(context)).isEqualTo(5);
    assertThat(registered).allSatisfy(id -> assertThat(status(id)).isEqualTo("APPLIED"));

    List<Long> updated =
        IntStream.range(0, 5)
            .mapToObj(
                i ->
                    record(
                        "A08",
                        pid3(mrns.get(i)),
                        "(720)555-200" + i,
                        "Boulder",
                        "F" + mrns.get(i),
                        "I"))
            .toList();
    assertThat(JournalSteps.runDue(context)).isEqualTo(5);
    assertThat(updated).allSatisfy(id -> assertThat(status(id)).isEqualTo("APPLIED"));
    for (int i = 0; i < 5; i++) {
      Patient p = patient(mrns.get(i));
      assertThat(p.phoneHome()).isEqualTo("+1720555200" + i);
      assertThat(p.address().city()).isEqualTo("Boulder");
      assertThat(p.version()).isEqualTo(2);
      assertThat(p.coverages()).hasSize(1);
      Encounter visit = encounters.findByFin("FIN", "F" + mrns.get(i)).orElseThrow();
      assertThat(visit.patientId()).isEqualTo(p.id());
      assertThat(visit.encounterClass()).isEqualTo("inpatient");
    }

    IntStream.range(0, 5)
        .forEach(
            i ->
                record(
                    "A08",
                    pid3(mrns.get(i)),
                    "(720)555-200" + i,
                    "Boulder",
                    "F" + mrns.get(i),
                    "I"));
    assertThat(JournalSteps.runDue(context)).isEqualTo(5);
    assertThat(mrns).allSatisfy(m -> assertThat(patient(m).version()).isEqualTo(2));
  }

  @Test
  void two_messages_of_a_group_about_one_patient_both_land_the_second_on_the_first() {
    String survivor = "M" + run + "S";
    String merged = "M" + run + "D";
    record("A04", pid3(survivor), "(303)555-1000", "Denver", "F" + survivor, "O");
    record("A04", pid3(merged), "(303)555-1001", "Denver", "F" + merged, "O");
    JournalSteps.runDue(context);
    patients.merge(patient(survivor).id(), patient(merged).id(), "test", null);

    // one by the survivor's MRN, one by the merged record's: both name the survivor
    long phone = record("A08", pid3(survivor), "(720)555-3001", null, null, null);
    long city = record("A08", pid3(merged), null, "Aspen", null, null);
    assertThat(JournalSteps.runDue(context)).isEqualTo(2);

    assertThat(status(phone)).isEqualTo("APPLIED");
    assertThat(status(city)).isEqualTo("APPLIED");
    Patient p = patient(survivor);
    assertThat(p.phoneHome()).as("the first message's change is kept").isEqualTo("+17205553001");
    assertThat(p.address().city()).isEqualTo("Aspen");
  }

  @Test
  void an_identifier_an_earlier_message_of_the_group_gave_another_patient_is_a_conflict() {
    String first = "M" + run + "A";
    String second = "M" + run + "B";
    record("A04", pid3(first), "(303)555-1000", "Denver", "F" + first, "O");
    record("A04", pid3(second), "(303)555-1001", "Denver", "F" + second, "O");
    JournalSteps.runDue(context);

    String shared = "X" + run;
    long takes = record("A08", pid3(first) + "~" + shared + "^^^HOSP^PI", null, null, null, null);
    long clashes =
        record("A08", pid3(second) + "~" + shared + "^^^HOSP^PI", null, null, null, null);
    assertThat(JournalSteps.runDue(context)).isEqualTo(2);

    assertThat(status(takes)).isEqualTo("APPLIED");
    Exchange refused = journal.find(clashes).orElseThrow();
    assertThat(refused.status()).isEqualTo(ExchangeStatus.FAILED);
    assertThat(refused.errorCode()).isEqualTo(Hl7HandlerError.PATIENT_CONFLICT.code());
    assertThat(patients.findByIdentifier("PI", shared, "HOSP").map(Patient::id))
        .contains(patient(first).id());
  }

  @Test
  void a_fin_an_earlier_message_of_the_group_gave_another_patient_is_a_conflict() {
    String first = "M" + run + "A";
    String second = "M" + run + "B";
    String fin = "F" + run;
    long opens = record("A04", pid3(first), "(303)555-1000", "Denver", fin, "O");
    long clashes = record("A04", pid3(second), "(303)555-1001", "Denver", fin, "O");
    assertThat(JournalSteps.runDue(context)).isEqualTo(2);

    assertThat(status(opens)).isEqualTo("APPLIED");
    Exchange refused = journal.find(clashes).orElseThrow();
    assertThat(refused.status()).isEqualTo(ExchangeStatus.FAILED);
    assertThat(refused.errorCode()).isEqualTo(Hl7HandlerError.PATIENT_CONFLICT.code());
    assertThat(encounters.findByFin("FIN", fin).map(Encounter::patientId))
        .contains(patient(first).id());
  }

  private long record(
      String trigger, String pid3, String phone, String city, String fin, String visitClass) {
    StringBuilder m = new StringBuilder();
    m.append("MSH|^~\\&|ADT|HOSP|PS|PS|20260302093000-0700||ADT^")
        .append(trigger)
        .append('|')
        .append(UUID.randomUUID())
        .append("|P|2.5.1\r");
    m.append("EVN|").append(trigger).append("|20260302093000\r");
    m.append("PID|1||").append(pid3).append("||SMITH^JANE^Q||19800102|F|||");
    if (city != null) {
      m.append("12 Elm St^^").append(city).append("^CO^80202^USA^H");
    }
    m.append("||").append(phone == null ? "" : phone + "^PRN^PH").append("|||S||");
    m.append(fin == null ? "" : fin + "^^^FIN^AN").append('\r');
    if (visitClass != null) {
      m.append("PV1|1|")
          .append(visitClass)
          .append("|".repeat(17))
          .append("V-")
          .append(fin)
          .append("|".repeat(25))
          .append("20260302093000\r");
      m.append("IN1|1|ACME-PPO^Acme PPO|77|ACME HEALTH")
          .append("|".repeat(4))
          .append("GRP-7")
          .append("|".repeat(9))
          .append("SEL")
          .append("|".repeat(19))
          .append("MEM-1\r");
    }
    return hl7.record(m.toString(), "ADT^" + trigger);
  }

  private static String pid3(String mrn) {
    return mrn + "^^^HOSP^MR";
  }

  private String status(long id) {
    return journal.find(id).orElseThrow().status().name();
  }

  private Patient patient(String mrn) {
    return patients.findByMrn(mrn, "HOSP").orElseThrow();
  }
}
