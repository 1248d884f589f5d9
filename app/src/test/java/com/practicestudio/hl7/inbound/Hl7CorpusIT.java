package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7.InterfaceRegistry;
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
import java.nio.file.Files;
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
 * Every message of the corpus (all of {@code hl7v2} but {@code malformed}) sent over MLLP to the
 * server's live listener, one by one as a lock-step peer sends them, then applied by the server's
 * workers on its own embedded PostgreSQL (a context of its own, so no other test's records are in
 * the way). Messages of a handled type are answered AA; the others, AR, and kept FAILED. The
 * expected outcome of each message is the table below — the same table as in the package
 * documentation — and the records hold the values the files carry ({@link CorpusRecordsChecks}).
 */
@IntegrationTest
@TestPropertySource(properties = "practice-studio.test.context=hl7-corpus")
@TestMethodOrder(OrderAnnotation.class)
class Hl7CorpusIT {

  /** Every folder but {@code malformed}, whose files {@code Hl7IngestIT} sends. */
  static final List<String> FOLDERS =
      List.of(
          "hl7v2/adt",
          "hl7v2/siu",
          "hl7v2/oru",
          "hl7v2/dft",
          "hl7v2/mdm",
          "hl7v2/batch",
          "hl7v2/orders",
          "hl7v2/other",
          "hl7v2/escape");

  /** The listener every application context starts with, and its journal endpoint. */
  private static final String LISTENER = "default";

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

  /**
   * Files the listener cannot read as HL7 at all, answered AR with the parser's reason: SOM/EOM
   * markers of a file-transfer format before the MSH, and uuencoded text.
   */
  static final Map<String, String> UNREADABLE =
      Map.of(
          "adt/mirth_adt_a04_v231_som_eom_markers.txt", "AR HL7-002",
          "escape/hapi_uuencoded_escaped.txt", "AR HL7-002",
          "escape/hapi_uuencoded_raw.txt", "AR HL7-002");

  /** Messages of a type no default filter rule accepts (ORM, OML, BAR, VXU, ADT^A03 …). */
  static final int NOT_ACCEPTED = 48;

  private static final Map<String, Exchange> FIRST_PASS = new LinkedHashMap<>();

  @Autowired ExchangeJournal journal;
  @Autowired Reprocessing reprocessing;
  @Autowired JdbcClient jdbc;
  @Autowired InterfaceRegistry registry;
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
  void every_message_through_the_live_listener_is_applied_or_refused_with_its_reason()
      throws Exception {
    InboundJournal hl7 = new InboundJournal(journal);
    Map<String, String> outcomes = new LinkedHashMap<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    Map<String, String> notAccepted = new LinkedHashMap<>();
    List<String> notIdempotent = new ArrayList<>();
    try (ListenerPeer peer =
        new ListenerPeer(registry.boundPort(LISTENER).orElseThrow(), jdbc, LISTENER)) {
      for (String folder : FOLDERS) {
        for (Path file : Corpus.files(folder)) {
          String name = folder.substring("hl7v2/".length()) + "/" + file.getFileName();
          List<Hl7Message> messages;
          try {
            messages = split(file);
          } catch (Hl7ParseException e) {
            ListenerPeer.Answer answer = peer.send(Files.readAllBytes(file));
            unreadable.put(name, answer.ackCode() + " " + hl7.finished(answer.rowId()).errorCode());
            continue;
          }
          for (int i = 0; i < messages.size(); i++) {
            String key = messages.size() == 1 ? name : name + "#" + (i + 1);
            String type = InboundJournal.type(messages.get(i));
            ListenerPeer.Answer answer = peer.send(messages.get(i));
            Exchange row = hl7.finished(answer.rowId());
            if (!HANDLED.contains(type)) {
              notAccepted.put(key, type + " " + answer.ackCode() + " " + row.errorCode());
              continue;
            }
            assertThat(answer.ackCode()).as(key).isEqualTo("AA");
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
    }
    assertThat(outcomes).containsExactlyEntriesOf(EXPECTED);
    assertThat(unreadable).containsExactlyInAnyOrderEntriesOf(UNREADABLE);
    assertThat(notAccepted)
        .hasSize(NOT_ACCEPTED)
        .containsEntry("adt/hapi_adt_a03_v25_it.txt", "ADT^A03 AR HL7-050")
        .containsEntry("other/msfc_VXU_v251_nist.hl7", "VXU^V04 AR HL7-050")
        .allSatisfy((key, answer) -> assertThat(answer).as(key).endsWith(" AR HL7-050"));
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
