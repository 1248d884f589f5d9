package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.Reprocessing;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.scheduling.Appointment;
import com.practicestudio.scheduling.AppointmentQuery;
import com.practicestudio.scheduling.AppointmentService;
import com.practicestudio.scheduling.AppointmentStatus;
import com.practicestudio.testing.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** SIU S12/S14/S15 through the real journal and workers on the real database. */
@IntegrationTest
class SiuHandlersIT {

  @Autowired ExchangeJournal journal;
  @Autowired Reprocessing reprocessing;
  @Autowired PatientService patients;
  @Autowired AppointmentService appointments;
  @Autowired LocationService locations;
  @Autowired ProviderService providers;

  private InboundJournal hl7;
  private String mrn;
  private String filler;
  private String room;

  @BeforeEach
  void ids() {
    hl7 = new InboundJournal(journal);
    mrn = "M" + unique();
    filler = "SE" + unique();
    room = "R" + unique();
  }

  @Test
  void s12_books_the_appointment_and_creates_the_unknown_patient_from_pid() {
    Exchange row = hl7.apply(siu("S12", "Booked", room, "20260410090000", "20260410093000"));

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    Patient patient = patients.findByMrn(mrn, "HOSP").orElseThrow();
    assertThat(patient.lastName()).isEqualTo("BEEBLEBROX");
    Appointment a = appointments.findByExternalId(filler).orElseThrow();
    assertThat(a.patientId()).isEqualTo(patient.id());
    assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(a.appointmentType()).as("SCH-8 through the code map").isEqualTo("office-visit");
    assertThat(a.reason()).isEqualTo("Annual check");
    assertThat(a.notes()).isEqualTo("Bring the referral");
    // no offset: the AIL location's zone (created with the default, America/Chicago)
    assertThat(a.startTime()).isEqualTo(Instant.parse("2026-04-10T14:00:00Z"));
    assertThat(a.endTime()).isEqualTo(Instant.parse("2026-04-10T14:30:00Z"));
    assertThat(locations.get(a.locationId()).externalId()).isEqualTo("MAIN/" + room);
    assertThat(providers.get(a.providerId()).lastName()).isEqualTo("Adams");
  }

  @Test
  void cerners_s12_for_an_appointment_placed_here_links_it_instead_of_booking_it_twice() {
    hl7.apply(siu("S12", "Booked", room, "20260410090000", "20260410093000"));
    Appointment placed = appointments.findByExternalId(filler).orElseThrow();
    String cernerId = "CE" + unique();
    // as Cerner answers our outbound S12: our id and application in SCH-1, its own id in SCH-2
    String echo =
        siu("S12", "Booked", room, "20260410090000", "20260410093000")
            .replace(
                "SCH|P" + filler + "|" + filler,
                "SCH|" + placed.id() + "^PRACTICE_STUDIO|" + cernerId);
    long before = appointments.search(ofPatient(placed), 100, null).items().size();

    Exchange row = hl7.apply(echo);

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(appointments.findByExternalId(cernerId).orElseThrow().id()).isEqualTo(placed.id());
    assertThat(appointments.search(ofPatient(placed), 100, null).items()).hasSize((int) before);
    Exchange later =
        hl7.apply(
            siu("S14", "Booked", room, "20260410100000", "20260410103000")
                .replace("SCH|P" + filler + "|" + filler, "SCH||" + cernerId));
    assertThat(later.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(appointments.find(placed.id()).orElseThrow().startTime())
        .isEqualTo(Instant.parse("2026-04-10T15:00:00Z"));
  }

  @Test
  void s14_changes_what_the_message_says_and_a_replay_changes_nothing() {
    hl7.apply(siu("S12", "Booked", room, "20260410090000", "20260410093000"));
    String other = "R" + unique();

    Exchange modified = hl7.apply(siu("S14", "Booked", other, "20260410100000", "20260410104500"));

    Appointment a = appointments.findByExternalId(filler).orElseThrow();
    assertThat(modified.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(a.startTime()).isEqualTo(Instant.parse("2026-04-10T15:00:00Z"));
    assertThat(a.durationMinutes()).isEqualTo(45);
    assertThat(locations.get(a.locationId()).externalId()).isEqualTo("MAIN/" + other);
    assertThat(reprocessing.dryRun(modified.id()).changes()).isEmpty();
    hl7.apply(siu("S14", "Booked", other, "20260410100000", "20260410104500"));
    assertThat(appointments.byId(a.id()).version()).isEqualTo(a.version());
  }

  @Test
  void empty_or_absent_fields_keep_the_stored_values_and_an_explicit_null_clears_them() {
    hl7.apply(siu("S12", "Booked", room, "20260410090000", "20260410093000"));
    Appointment booked = appointments.findByExternalId(filler).orElseThrow();
    appointments.update(booked.id(), booked.toDraft().withStatus("booked", "Moved by phone"));
    String s14 = siu("S14", "Booked", room, "20260410090000", "20260410093000");

    // SCH-6 and SCH-7 empty; no NTE, AIL or AIP
    Exchange kept =
        hl7.apply(
            s14.replace("|CANCEL^Patient request|Annual check|", "|||")
                .replaceAll("(?m)^(NTE|AIL|AIP)\\|.*\n", ""));
    Appointment afterKept = appointments.byId(booked.id());
    // SCH-6, SCH-7, NTE-3, AIL-3 and AIP-3 sent as ""
    Exchange cleared =
        hl7.apply(
            s14.replace("|CANCEL^Patient request|Annual check|", "|\"\"|\"\"|")
                .replace("NTE|1||Bring the referral", "NTE|1||\"\"")
                .replace("AIL|1|A|" + room + "^^^MAIN|^Main Office", "AIL|1|A|\"\"")
                .replace("AIP|1|A|P" + filler + "^Adams^Douglas^A^^^MD|D^Doctor", "AIP|1|A|\"\""));
    Appointment afterCleared = appointments.byId(booked.id());

    assertThat(kept.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(afterKept.statusReason()).as("SCH-6 empty").isEqualTo("Moved by phone");
    assertThat(afterKept.reason()).as("SCH-7 empty").isEqualTo("Annual check");
    assertThat(afterKept.notes()).as("no NTE").isEqualTo("Bring the referral");
    assertThat(afterKept.locationId()).as("no AIL").isEqualTo(booked.locationId()).isNotNull();
    assertThat(afterKept.providerId()).as("no AIP").isEqualTo(booked.providerId()).isNotNull();
    assertThat(cleared.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(afterCleared.statusReason()).as("SCH-6 \"\"").isNull();
    assertThat(afterCleared.reason()).as("SCH-7 \"\"").isNull();
    assertThat(afterCleared.notes()).as("NTE-3 \"\"").isNull();
    assertThat(afterCleared.locationId()).as("AIL-3 \"\"").isNull();
    assertThat(afterCleared.providerId()).as("AIP-3 \"\"").isNull();
    assertThat(reprocessing.dryRun(cleared.id()).changes()).isEmpty();
  }

  @Test
  void of_several_resource_groups_the_first_location_sent_and_the_attending_count() {
    String nurse = "N" + unique();
    String attending = "P" + filler;
    String groups =
        "RGS|1|A\n"
            + "AIL|1|A||^Waiting area\n" // AIL-3 empty: names no location
            + "AIP|1|A|"
            + nurse
            + "^Marvin^Ann|NUR^Nurse\n"
            + "RGS|2|A\n"
            + "AIL|2|A|"
            + room
            + "^^^MAIN|^Main Office\n"
            + "AIP|2|A|"
            + attending
            + "^Adams^Douglas|AT^Attending\n";

    Exchange booked = hl7.apply(withResources("S12", groups));

    assertThat(booked.status()).isEqualTo(ExchangeStatus.APPLIED);
    Appointment a = appointments.findByExternalId(filler).orElseThrow();
    assertThat(locations.get(a.locationId()).externalId()).isEqualTo("MAIN/" + room);
    assertThat(providers.get(a.providerId()).externalId()).isEqualTo(attending);
    assertThat(providers.findByExternalId(nurse)).as("only the provider kept is created").isEmpty();

    // the attending taken off the appointment (action D), another added; a device in AIG
    String successor = "Q" + unique();
    Exchange changed =
        hl7.apply(
            withResources(
                "S14",
                "RGS|1|U\nAIG|1|A|DEV1^Scope|EQ^Equipment\n"
                    + "AIP|1|D|"
                    + attending
                    + "^Adams^Douglas|AT^Attending\n"
                    + "AIP|2|A|"
                    + successor
                    + "^Prefect^Ford|AT^Attending\n"));
    Appointment afterChange = appointments.byId(a.id());

    // no AIP; the general resource sent as "" clears the provider
    Exchange cleared = hl7.apply(withResources("S14", "RGS|1|U\nAIG|1|A|\"\"\n"));
    Appointment afterClear = appointments.byId(a.id());

    assertThat(changed.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(providers.get(afterChange.providerId()).externalId()).isEqualTo(successor);
    assertThat(afterChange.locationId()).as("no AIL").isEqualTo(a.locationId());
    assertThat(cleared.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(afterClear.providerId()).as("AIG-3 \"\"").isNull();
    assertThat(afterClear.locationId()).isEqualTo(a.locationId());
  }

  /** The sample SIU with its resource groups replaced. */
  private String withResources(String trigger, String groups) {
    String siu = siu(trigger, "Booked", room, "20260410090000", "20260410093000");
    return siu.substring(0, siu.indexOf("RGS|")) + groups;
  }

  @Test
  void s15_cancels_and_a_late_s12_leaves_the_cancelled_appointment_alone() {
    hl7.apply(siu("S12", "Booked", room, "20260410090000", "20260410093000"));

    Exchange cancel = hl7.apply(siu("S15", "Cancelled", room, "20260410090000", "20260410093000"));
    Exchange late = hl7.apply(siu("S12", "Booked", room, "20260410090000", "20260410093000"));

    assertThat(cancel.status()).isEqualTo(ExchangeStatus.APPLIED);
    Appointment a = appointments.findByExternalId(filler).orElseThrow();
    assertThat(a.status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(a.statusReason()).isEqualTo("Patient request");
    assertThat(late.status()).isEqualTo(ExchangeStatus.IGNORED);
    assertThat(late.errorText()).isEqualTo("SCH-2 names a cancelled appointment; left unchanged");
  }

  @Test
  void an_s15_for_a_known_appointment_needs_nothing_but_its_id() {
    hl7.apply(siu("S12", "Booked", room, "20260410090000", "20260410093000"));

    Exchange row =
        hl7.apply(
            "MSH|^~\\&|SCHED|CLINIC|PS|PS|20260401120000||SIU^S15|"
                + UUID.randomUUID()
                + "|P|2.3\nSCH||"
                + filler
                + "||||CANCEL^Patient request\nPID|1||"
                + mrn
                + "^^^HOSP^MR||BEEBLEBROX^ZAPHOD\n");

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(appointments.findByExternalId(filler).orElseThrow().status())
        .isEqualTo(AppointmentStatus.CANCELLED);
  }

  @Test
  void an_s15_for_an_appointment_never_received_records_it_cancelled() {
    Exchange row = hl7.apply(siu("S15", "Cancelled", room, "20260410090000", "20260410093000"));

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(appointments.findByExternalId(filler).orElseThrow().status())
        .isEqualTo(AppointmentStatus.CANCELLED);
  }

  @Test
  void an_appointment_id_of_another_patient_or_no_id_at_all_fails_with_a_code() {
    hl7.apply(siu("S12", "Booked", room, "20260410090000", "20260410093000"));
    String someoneElse =
        siu("S14", "Booked", room, "20260410090000", "20260410093000")
            .replace(mrn + "^^^HOSP^MR", "X" + unique() + "^^^HOSP^MR");
    String noIds =
        siu("S12", "Booked", room, "20260410090000", "20260410093000")
            .replace("SCH|P" + filler + "|" + filler + "|", "SCH|||");

    Exchange conflict = hl7.apply(someoneElse);
    Exchange missing = hl7.apply(noIds);

    assertThat(conflict.errorCode() + " " + conflict.errorText())
        .isEqualTo("HL7-108 SCH-2 names an appointment of another patient");
    assertThat(missing.errorCode() + " " + missing.errorText())
        .isEqualTo("HL7-104 SCH-2 and SCH-1 give no appointment id");
  }

  /** An SIU like Mirth's samples, with the given trigger, filler status, room and times. */
  private String siu(String trigger, String fillerStatus, String ail, String start, String end) {
    return "MSH|^~\\&|SCHED|CLINIC|PS|PS|20260401120000||SIU^"
        + trigger
        + "|"
        + UUID.randomUUID()
        + "|P|2.3\n"
        + "SCH|P"
        + filler
        + "|"
        + filler
        + "|||1|CANCEL^Patient request|Annual check|OV^Office Visit|30|min|^^^"
        + start
        + "^"
        + end
        + "|".repeat(14)
        + fillerStatus
        + "\n"
        + "NTE|1||Bring the referral\n"
        + "PID|1||"
        + mrn
        + "^^^HOSP^MR||BEEBLEBROX^ZAPHOD||19781012|M\n"
        + "RGS|1|A\n"
        + "AIL|1|A|"
        + ail
        + "^^^MAIN|^Main Office\n"
        + "AIP|1|A|P"
        + filler
        + "^Adams^Douglas^A^^^MD|D^Doctor\n";
  }

  private static AppointmentQuery ofPatient(Appointment a) {
    return new AppointmentQuery(a.patientId(), null, null, null, null, null, null);
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
