package com.practicestudio.hl7.inbound;

import static com.practicestudio.hl7.inbound.AdtSamples.a04;
import static com.practicestudio.hl7.inbound.AdtSamples.msh;
import static com.practicestudio.hl7.inbound.AdtSamples.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.clinical.Encounter;
import com.practicestudio.clinical.EncounterService;
import com.practicestudio.codemaps.CodeMapInput;
import com.practicestudio.codemaps.CodeMaps;
import com.practicestudio.directory.Location;
import com.practicestudio.directory.LocationInput;
import com.practicestudio.directory.LocationService;
import com.practicestudio.journal.Change;
import com.practicestudio.journal.DryRunReport;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.Reprocessing;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ADT handlers through the real journal and workers on the real database: register, update field by
 * field, {@code ""} clears, replay and dry run change nothing, and Cerner-shaped messages with raw
 * code values and explicit nulls. Merges are in {@link AdtMergeIT}.
 */
@IntegrationTest
class AdtHandlersIT {

  @Autowired ExchangeJournal journal;
  @Autowired Reprocessing reprocessing;
  @Autowired PatientService patients;
  @Autowired EncounterService encounters;
  @Autowired LocationService locations;
  @Autowired CodeMaps codeMaps;
  @Autowired TransactionTemplate tx;

  private InboundJournal hl7;
  private String mrn;
  private String fin;

  @BeforeEach
  void journal() {
    hl7 = new InboundJournal(journal);
    mrn = "M" + unique();
    fin = "F" + unique();
  }

  @Test
  void a04_registers_the_patient_and_the_encounter() {
    Exchange row = hl7.apply(a04(mrn, fin));

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    Patient p = patients.findByMrn(mrn, "HOSP").orElseThrow();
    assertThat(p.lastName()).isEqualTo("SMITH");
    assertThat(p.firstName()).isEqualTo("JANE");
    assertThat(p.dateOfBirth()).isEqualTo(LocalDate.of(1980, 1, 2));
    assertThat(p.gender()).isEqualTo("F");
    assertThat(p.phoneHome()).isEqualTo("+13035551000");
    assertThat(p.address().city()).isEqualTo("Denver");
    assertThat(p.coverages())
        .extracting(c -> c.insurerName() + "/" + c.memberId())
        .containsExactly("ACME HEALTH/MEM-1");
    Encounter e = encounters.findByFin("FIN", fin).orElseThrow();
    assertThat(e.patientId()).isEqualTo(p.id());
    assertThat(e.encounterClass()).isEqualTo("outpatient");
    assertThat(e.status()).isEqualTo("arrived");
    assertThat(e.visitNumber()).isEqualTo("V-" + fin);
    // PV1-44 carries no offset: the message's MSH-7 offset (-0700) applies
    assertThat(e.admitTime()).isEqualTo(Instant.parse("2026-03-02T16:30:00Z"));
  }

  @Test
  void a08_after_a04_changes_only_the_fields_present() {
    hl7.apply(a04(mrn, fin));
    Patient before = patients.findByMrn(mrn, "HOSP").orElseThrow();

    // PID-5, PID-7, PID-8 and PID-11 empty: unchanged; PID-13 and PID-16 sent: changed
    Exchange row =
        hl7.apply(
            msh("ADT^A08")
                + "EVN|A08|20260302093000\n"
                + "PID|1||"
                + mrn
                + "^^^HOSP^MR||||||||||(720)555-0199^PRN^PH|||M\n");

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    Patient after = patients.find(before.id()).orElseThrow();
    assertThat(after.phoneHome()).isEqualTo("+17205550199");
    assertThat(after.maritalStatus()).isEqualTo("M");
    assertThat(after.lastName()).isEqualTo(before.lastName());
    assertThat(after.firstName()).isEqualTo(before.firstName());
    assertThat(after.dateOfBirth()).isEqualTo(before.dateOfBirth());
    assertThat(after.gender()).isEqualTo(before.gender());
    assertThat(after.address()).isEqualTo(before.address());
    assertThat(after.coverages()).isEqualTo(before.coverages());
    assertThat(after.version()).isEqualTo(before.version() + 1);
  }

  @Test
  void an_explicit_null_clears_the_field() {
    hl7.apply(a04(mrn, fin));

    // PID-8, PID-11 and PID-13 are "" (explicit null); PID-5 and PID-7 are empty
    hl7.apply(msh("ADT^A08") + "PID|1||" + mrn + "^^^HOSP^MR|||||\"\"|||\"\"||\"\"\n");

    Patient p = patients.findByMrn(mrn, "HOSP").orElseThrow();
    assertThat(p.gender()).as("PID-8 \"\"").isNull();
    assertThat(p.address()).as("PID-11 \"\"").isNull();
    assertThat(p.phoneHome()).as("PID-13 \"\"").isNull();
    assertThat(p.lastName()).as("PID-5 empty").isEqualTo("SMITH");
    assertThat(p.dateOfBirth()).as("PID-7 empty").isEqualTo(LocalDate.of(1980, 1, 2));
  }

  @Test
  void pv2_3_sent_as_explicit_null_clears_the_visit_reason_and_empty_keeps_it() {
    hl7.apply(a04(mrn, fin) + "PV2|||^Chest pain\n");
    String a08 =
        msh("ADT^A08")
            + "PID|1||"
            + mrn
            + "^^^HOSP^MR"
            + "|".repeat(15)
            + fin
            + "^^^FIN^AN\nPV1|1|O\n";

    Exchange empty = hl7.apply(a08 + "PV2|1\n");
    String kept = encounters.findByFin("FIN", fin).orElseThrow().reason();
    Exchange explicitNull = hl7.apply(a08 + "PV2|1||\"\"\n");
    String cleared = encounters.findByFin("FIN", fin).orElseThrow().reason();

    assertThat(empty.errorText()).isNull();
    assertThat(explicitNull.errorText()).isNull();
    assertThat(kept).as("PV2-3 empty").isEqualTo("Chest pain");
    assertThat(cleared).as("PV2-3 \"\"").isNull();
  }

  @Test
  void applying_the_same_message_again_changes_nothing() {
    Exchange first = hl7.apply(a04(mrn, fin));
    Patient before = patients.findByMrn(mrn, "HOSP").orElseThrow();
    Encounter encounter = encounters.findByFin("FIN", fin).orElseThrow();

    DryRunReport dryRun = reprocessing.dryRun(first.id());
    Exchange again = hl7.apply(a04(mrn, fin));

    assertThat(dryRun.outcome()).isEqualTo("APPLIED");
    assertThat(dryRun.changes()).isEmpty();
    assertThat(again.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(patients.find(before.id()).orElseThrow().version()).isEqualTo(before.version());
    assertThat(encounters.byId(encounter.id()).version()).isEqualTo(encounter.version());
  }

  @Test
  void a_dry_run_reports_the_changed_fields_and_writes_nothing() {
    hl7.apply(a04(mrn, fin));
    Exchange changePhone =
        hl7.apply(msh("ADT^A08") + "PID|1||" + mrn + "^^^HOSP^MR||||||||||(720)555-0100\n");
    hl7.apply(msh("ADT^A08") + "PID|1||" + mrn + "^^^HOSP^MR||||||||||(720)555-0111\n");
    Patient now = patients.findByMrn(mrn, "HOSP").orElseThrow();

    DryRunReport report = reprocessing.dryRun(changePhone.id());

    assertThat(report.outcome()).isEqualTo("APPLIED");
    assertThat(report.changes())
        .containsExactly(Change.update("patient", Long.toString(now.id()), List.of("phoneHome")));
    Patient after = patients.find(now.id()).orElseThrow();
    assertThat(after.phoneHome()).isEqualTo("+17205550111");
    assertThat(after.version()).isEqualTo(now.version());
  }

  @Test
  void cerner_shaped_messages_translate_raw_code_values_and_explicit_nulls() {
    String raceCode = "CD:" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    String locationCode = "CD:" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    Location clinic =
        locations.create(
            new LocationInput(
                null,
                "East clinic " + unique(),
                "clinic",
                "America/New_York",
                null,
                null,
                null,
                null));
    codeMaps.create(new CodeMapInput("race", null, "282", raceCode, "2054-5", null, true));
    codeMaps.create(
        new CodeMapInput(
            "location", null, "220", locationCode, Long.toString(clinic.id()), null, true));
    // Oracle/Cerner HNA shapes: MRN^^^MRN^CD:10, FIN in PID-18 with CD: type, "" nulls, CD:151
    // language, CD:309239 marital status, location code value in PV1-3, XCN with alias pools
    Exchange row =
        hl7.apply(
            "MSH|^~\\&||HNA|||20231023170230||ADT^A04|Q1283765463T1850878697|D|2.3||||||8859/1\n"
                + "EVN|A04|20231023170230\n"
                + "PID|1|"
                + mrn
                + "^^^MRN^CD:1079^CD:17598964|"
                + mrn
                + "^^^MRN^CD:10^CD:17598964||TEST^TEST, SCENERIO02, BB^^^^^CD:766||20230913|M||"
                + raceCode
                + "|2314 S 10TH STREET^^MCALLEN^TX^78504^US^Home^^\"\"||(999)232-4395^Home^\"\""
                + "||CD:151|CD:309239|Unknown|"
                + fin
                + "^^^FIN^CD:1077^CD:17598964|000-00-0000|||H||\"\"|0|\"\"|\"\"|\"\"||CD:684730\n"
                + "PV1|1|O|"
                + locationCode
                + "^^^MNGL^^^MNGL||||D3389^Nagarad^Rajeev^C^(HPS)^MD^^^^Personnel^^^External"
                + " Identifier"
                + "|".repeat(12)
                + "V"
                + fin
                + "|".repeat(25)
                + "20231023164950\n");

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    Patient p = patients.findByMrn(mrn, "MRN").orElseThrow();
    assertThat(p.lastName()).isEqualTo("TEST");
    assertThat(p.firstName()).isEqualTo("TEST, SCENERIO02, BB");
    assertThat(p.race()).isEqualTo("2054-5");
    assertThat(p.preferredLanguage()).isEqualTo("en");
    assertThat(p.maritalStatus()).isEqualTo("S");
    assertThat(p.ssnLast4()).as("000-00-0000 is Cerner's unknown SSN").isNull();
    assertThat(p.phoneHome()).isEqualTo("+19992324395");
    Encounter e = encounters.findByFin("FIN", fin).orElseThrow();
    assertThat(e.locationId()).isEqualTo(clinic.id());
    // no offset: the location's zone (America/New_York, EDT in October)
    assertThat(e.admitTime()).isEqualTo(Instant.parse("2023-10-23T20:49:50Z"));
    assertThat(e.attendingProviderId()).isNotNull();
  }

  @Test
  void a_message_that_cannot_be_applied_fails_with_a_code_naming_the_field_and_writes_nothing() {
    Exchange noPid = hl7.apply(msh("ADT^A04") + "EVN|A04|20260302093000\nPV1|1|O\n");
    Exchange badDob =
        hl7.apply(msh("ADT^A04") + "PID|1||" + mrn + "^^^HOSP^MR||SMITH^JANE||Aug 15, 1942\n");
    Exchange badAdmit =
        hl7.apply(
            msh("ADT^A01")
                + "PID|1||"
                + mrn
                + "^^^HOSP^MR||SMITH^JANE||19800102"
                + "|".repeat(11)
                + fin
                + "^^^FIN^AN\nPV1|1|I"
                + "|".repeat(42)
                + "yesterday\n");
    long notHl7 = hl7.record("this is not HL7".getBytes(StandardCharsets.UTF_8), "ADT^A04");
    long wrongType = hl7.record(msh("ORU^R01") + "PID|1||1^^^^MR||X\n", "ADT^A08");

    assertThat(noPid.errorCode() + " " + noPid.errorText())
        .isEqualTo("HL7-102 PID segment is missing");
    assertThat(badDob.errorCode() + " " + badDob.errorText())
        .isEqualTo("HL7-105 PID-7 is not an HL7 date/time");
    assertThat(badAdmit.errorCode() + " " + badAdmit.errorText())
        .isEqualTo("HL7-105 PV1-44 is not an HL7 date/time");
    assertThat(hl7.finished(notHl7).errorCode())
        .as("the parser's own code, through the interface pipeline")
        .isEqualTo("HL7-002");
    assertThat(hl7.finished(wrongType).errorText()).isEqualTo("MSH-9.1 is not ADT");
    assertThat(badAdmit.status()).isEqualTo(ExchangeStatus.FAILED);
    assertThat(patients.findByMrn(mrn, "HOSP")).as("nothing half-written").isEmpty();
  }

  @Test
  void messages_applied_together_create_a_new_location_and_attending_once() {
    String ward = "W" + unique();
    String doctor = "D" + unique();
    List<String> fins = IntStream.range(0, 8).mapToObj(i -> "F" + unique()).toList();
    // recorded in one transaction: the workers claim them at once and apply them in groups
    List<Long> ids =
        tx.execute(
            s ->
                fins.stream()
                    .map(f -> hl7.record(a04(mrn + f, f, ward, doctor), "ADT^A04"))
                    .toList());

    assertThat(ids)
        .extracting(id -> hl7.finished(id).status())
        .containsOnly(ExchangeStatus.APPLIED);
    List<Encounter> visits =
        fins.stream().map(f -> encounters.findByFin("FIN", f).orElseThrow()).toList();
    assertThat(visits)
        .extracting(Encounter::locationId)
        .doesNotContainNull()
        .containsOnly(visits.get(0).locationId());
    assertThat(visits)
        .extracting(Encounter::attendingProviderId)
        .doesNotContainNull()
        .containsOnly(visits.get(0).attendingProviderId());
    assertThat(locations.findByExternalId("HOSP/" + ward + "/101")).isPresent();
  }
}
