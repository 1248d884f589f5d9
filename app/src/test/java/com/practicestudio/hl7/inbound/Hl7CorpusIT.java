package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7v2.Hl7Batch;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.journal.DryRunReport;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.Reprocessing;
import com.practicestudio.testing.Corpus;
import com.practicestudio.testing.IntegrationTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Every message of a handled type in the corpus ({@code hl7v2/adt, siu, oru, dft, mdm, batch}),
 * recorded in the journal and applied by the server's workers on its own embedded PostgreSQL (a
 * context of its own, so no other test's records are in the way). The expected outcome of each
 * message is the table below — the same table as in the package documentation — and the records
 * hold the values the files carry ({@link CorpusRecordsChecks}).
 */
@IntegrationTest
@TestPropertySource(properties = "practice-studio.test.context=hl7-corpus")
@TestMethodOrder(OrderAnnotation.class)
class Hl7CorpusIT {

  static final List<String> FOLDERS =
      List.of("hl7v2/adt", "hl7v2/siu", "hl7v2/oru", "hl7v2/dft", "hl7v2/mdm", "hl7v2/batch");

  static final Set<String> HANDLED =
      Set.of(
          "ADT^A01", "ADT^A04", "ADT^A08", "ADT^A31", "ADT^A40", "SIU^S12", "SIU^S14", "SIU^S15",
          "ORU^R01", "DFT^P03", "MDM^T02");

  /** The outcome of each message: APPLIED, or IGNORED/FAILED with the reason. */
  static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    expect("adt/hapi_ADT_A01_v24.txt", "APPLIED");
    expect("adt/lfh_sample_win_v26_crlf.hl7", "APPLIED");
    expect("adt/mirth_adt_a01_v23.hl7", "APPLIED");
    expect("adt/mirth_adt_a04_v23.hl7", "APPLIED");
    expect("adt/mirth_adt_a08_v23.hl7", "APPLIED");
    expect("adt/mirth_adt_a40_v23.hl7", "APPLIED");
    expect("adt/msfc_ADT-A08-01_v28.hl7", "APPLIED");
    expect("adt/msfc_ADT-A31-01_v28.hl7", "APPLIED");
    expect("adt/msfc_ADT-A40-01_v28.hl7", "APPLIED");
    expect("adt/msfc_ADT-A40-02_v28_multi_merge.hl7", "APPLIED");
    expect("adt/msfc_ADT01-23_v23_bom.hl7", "APPLIED");
    expect("adt/msfc_ADT01-28_v251_bom.hl7", "APPLIED");
    expect("adt/msfc_ADT04-251_v23_redox_bom.hl7", "APPLIED");
    expect("adt/ti_MN_005_ADT_A01_v23.hl7", "APPLIED");
    expect("siu/mirth_siu_s12_v23.hl7", "APPLIED");
    expect("siu/mirth_siu_s15_v23.hl7", "APPLIED");
    expect("siu/msfc_SIU-S12-01_v28.hl7", "APPLIED");
    expect("siu/msfc_SIU-S14-01_v28.hl7", "APPLIED");
    expect("siu/msfc_SIU-S15-01_v28.hl7", "APPLIED");
    expect("siu/node_corepoint_siu_s14_v23.hl7", "APPLIED");
    expect("oru/lfh_ORU_multiline_mixed_v26.hl7", "APPLIED");
    expect("oru/lfh_ORU_multiline_v26.hl7", "APPLIED");
    expect("oru/mirth_large_oru_v22.hl7", "APPLIED");
    expect("oru/mirth_oru_cbc_v23.hl7", "APPLIED");
    expect("oru/mirth_small_oru_v24_cr.hl7", "FAILED HL7-105 PID-7 is not an HL7 date/time");
    expect("oru/msfc_LAB-ORU-1_v25_bom.hl7", "APPLIED");
    expect(
        "oru/msfc_ORU-R01-01_v251_ed.hl7",
        "FAILED HL7-104 OBX-3 and OBR-4 give no observation code");
    expect("oru/msfc_ORU-R01-RMGEAD_v24.hl7", "APPLIED");
    expect("oru/node_athena_oru_v251_lri.hl7", "IGNORED the ORU carries no OBX result");
    expect("oru/node_cerner_healthsentry_lead_v251_cr.hl7", "APPLIED");
    expect("oru/node_nist_oru_case1_v251_cr.hl7", "APPLIED");
    expect("oru/node_nist_oru_case4_v251_cr.hl7", "APPLIED");
    expect(
        "oru/node_nist_oru_case6_v251_cr.hl7",
        "FAILED HL7-107 OBX(2)-3 is not a valid LOINC code (number-check digit)");
    expect("oru/node_realm_hepc_v251_cr.hl7", "APPLIED");
    expect("oru/rs_FLFHospital_ORU_v23.hl7", "APPLIED");
    expect("oru/ti_008_ORU_R01_micro_utf8.hl7", "APPLIED");
    expect("oru/ti_CA_002_ORU_R01_v251.hl7", "FAILED HL7-103 PID-3 has no patient identifier");
    expect("oru/ti_Epic_002_ORU_R01_v23_nte.hl7", "FAILED HL7-105 PID-7 is not an HL7 date/time");
    expect("oru/ti_Natus_002_ORU_R01_NBS_ed_base64.hl7", "APPLIED");
    expect("oru/ti_Oracle_004_ORU_R01_v23_cerner.hl7", "APPLIED");
    expect("dft/msfc_DFT-P03-01_v28.hl7", "APPLIED");
    expect("dft/msfc_DFT-P03-02_v28.hl7", "APPLIED");
    expect("mdm/msfc_MDM-T02-01_v28_ed.hl7", "FAILED HL7-109 OBX-5.5 (ED data) is empty");
    expect("mdm/msfc_MDM-T02-02_v28.hl7", "APPLIED");
    expect("mdm/msfc_MDM-T02-03_v23_simhosp.hl7", "APPLIED");
    expect(
        "batch/hapi_example_oml_o21_x13.hl7#10", "FAILED HL7-103 PID-3 has no patient identifier");
    expect("batch/hapi_util_messages_commented.txt#1", "IGNORED the ORU carries no OBX result");
    expect(
        "batch/mirth_batch_siu_x3.hl7#1",
        "IGNORED SCH-2 names a cancelled appointment; left unchanged");
    expect(
        "batch/mirth_batch_siu_x3.hl7#2",
        "IGNORED SCH-2 names a cancelled appointment; left unchanged");
    expect("batch/mirth_batch_siu_x3.hl7#3", "APPLIED");
    expect("batch/rs_batch_fhs_bhs.hl7#1", "APPLIED");
    expect("batch/rs_batch_fhs_bhs.hl7#2", "APPLIED");
  }

  /** Files that hold no message of a handled type, or no HL7 at all. */
  static final Map<String, String> NOT_APPLIED =
      Map.of(
          "adt/hapi_adt_a03_v25_it.txt", "ADT^A03",
          "adt/hapi_segmentfinder_a24_custom_delims.hl7", "ADT^A24",
          "adt/mirth_adt_a04_v231_som_eom_markers.txt", "HL7-013");

  private static final Map<String, Exchange> FIRST_PASS = new LinkedHashMap<>();

  @Autowired ExchangeJournal journal;
  @Autowired Reprocessing reprocessing;
  @Autowired JdbcClient jdbc;
  @Autowired com.practicestudio.patients.PatientService patients;
  @Autowired com.practicestudio.clinical.EncounterService encounters;
  @Autowired com.practicestudio.scheduling.AppointmentService appointments;
  @Autowired com.practicestudio.clinical.ObservationService observations;
  @Autowired com.practicestudio.clinical.DocumentService documents;
  @Autowired com.practicestudio.billing.ChargeService charges;
  @Autowired com.practicestudio.directory.ProviderService providers;
  @Autowired com.practicestudio.directory.LocationService locations;

  @Test
  @Order(1)
  void every_message_of_a_handled_type_is_applied_or_fails_with_its_reason() {
    InboundJournal hl7 = new InboundJournal(journal);
    Map<String, String> outcomes = new LinkedHashMap<>();
    Map<String, String> notApplied = new LinkedHashMap<>();
    List<String> notIdempotent = new ArrayList<>();
    for (String folder : FOLDERS) {
      for (Path file : Corpus.files(folder)) {
        String name = folder.substring("hl7v2/".length()) + "/" + file.getFileName();
        List<Hl7Message> messages;
        try {
          messages = split(file);
        } catch (Hl7ParseException e) {
          notApplied.put(name, e.code());
          continue;
        }
        for (int i = 0; i < messages.size(); i++) {
          String key = messages.size() == 1 ? name : name + "#" + (i + 1);
          String type = InboundJournal.type(messages.get(i));
          if (!HANDLED.contains(type)) {
            if (messages.size() == 1) {
              notApplied.put(name, type);
            }
            continue;
          }
          Exchange row = hl7.apply(messages.get(i));
          FIRST_PASS.put(key, row);
          outcomes.put(key, outcome(row));
          if (row.status() == ExchangeStatus.APPLIED) {
            DryRunReport again = reprocessing.dryRun(row.id());
            if (!again.changes().isEmpty() || !again.outcome().equals("APPLIED")) {
              notIdempotent.add(key + " " + again);
            }
          }
        }
      }
    }
    assertThat(outcomes).containsExactlyEntriesOf(EXPECTED);
    assertThat(notApplied).containsExactlyInAnyOrderEntriesOf(NOT_APPLIED);
    assertThat(notIdempotent).as("applying an applied message again changes nothing").isEmpty();
  }

  @Test
  @Order(2)
  void the_records_hold_the_values_the_files_carry() {
    new CorpusRecordsChecks(
            patients,
            encounters,
            appointments,
            observations,
            documents,
            charges,
            providers,
            locations)
        .verify();
  }

  @Test
  @Order(3)
  void replaying_every_message_creates_no_duplicates() {
    Map<String, Long> before = counts();
    InboundJournal hl7 = new InboundJournal(journal);
    for (Map.Entry<String, Exchange> first : FIRST_PASS.entrySet()) {
      byte[] payload = journal.readPayload(first.getValue().id(), "test").orElseThrow().bytes();
      Exchange again = hl7.finished(hl7.record(payload, first.getValue().messageType()));
      if (first.getValue().status() == ExchangeStatus.FAILED) {
        assertThat(outcome(again)).as(first.getKey()).isEqualTo(outcome(first.getValue()));
      } else {
        assertThat(again.status())
            .as(first.getKey())
            .isIn(ExchangeStatus.APPLIED, ExchangeStatus.IGNORED);
      }
    }
    assertThat(counts()).isEqualTo(before);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        List.of(
            "patient",
            "patient_identifier",
            "patient_coverage",
            "patient_merge",
            "encounter",
            "appointment",
            "observation",
            "clinical_document",
            "charge",
            "provider",
            "location")) {
      counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
    }
    return counts;
  }

  static List<Hl7Message> split(Path file) {
    return Hl7Batch.split(
            Corpus.bytes(Corpus.root().relativize(file).toString()),
            Hl7Batch.Options.STRICT.withComments())
        .messages();
  }

  private static String outcome(Exchange row) {
    return switch (row.status()) {
      case APPLIED -> "APPLIED";
      case IGNORED -> "IGNORED " + row.errorText();
      default -> row.status() + " " + row.errorCode() + " " + row.errorText();
    };
  }

  private static void expect(String message, String outcome) {
    EXPECTED.put(message, outcome);
  }
}
