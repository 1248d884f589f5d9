package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.billing.Charge;
import com.practicestudio.billing.ChargeQuery;
import com.practicestudio.billing.ChargeService;
import com.practicestudio.clinical.ClinicalDocument;
import com.practicestudio.clinical.DocumentQuery;
import com.practicestudio.clinical.DocumentService;
import com.practicestudio.clinical.Observation;
import com.practicestudio.clinical.ObservationQuery;
import com.practicestudio.clinical.ObservationService;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.Reprocessing;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.testing.IntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ORU R01, DFT P03 and MDM T02 through the real journal and workers on the real database. */
@IntegrationTest
class ResultsHandlersIT {

  @Autowired ExchangeJournal journal;
  @Autowired Reprocessing reprocessing;
  @Autowired PatientService patients;
  @Autowired ObservationService observations;
  @Autowired DocumentService documents;
  @Autowired ChargeService charges;

  private InboundJournal hl7;
  private String mrn;
  private String accession;

  @BeforeEach
  void ids() {
    hl7 = new InboundJournal(journal);
    mrn = "M" + unique();
    accession = "ACC" + unique();
  }

  @Test
  void oru_records_every_result_of_every_order_with_units_ranges_flags_and_notes() {
    Exchange row = hl7.apply(oru("F", "13.7"));

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    Patient patient = patients.findByMrn(mrn, "LAB").orElseThrow();
    List<Observation> results = results(patient.id());
    assertThat(results)
        .extracting(o -> o.code() + "=" + o.value() + " " + o.unit())
        .containsExactlyInAnyOrder("718-7=13.7 g/dL", "6690-2=5.8 10*3/uL", "2951-2=140 mmol/L");
    Observation hgb = find(results, "718-7");
    assertThat(hgb.referenceRange()).isEqualTo("12.0-16.0");
    assertThat(hgb.abnormalFlag()).isEqualTo("N");
    assertThat(hgb.status()).isEqualTo("final");
    assertThat(hgb.valueNumeric()).isEqualByComparingTo("13.7");
    assertThat(hgb.accession()).isEqualTo(accession);
    assertThat(hgb.orderId()).isEqualTo("ORD-1");
    assertThat(hgb.notes()).isEqualTo("Fasting sample\nRepeat if above 16");
    assertThat(hgb.effectiveTime()).isEqualTo(Instant.parse("2026-05-01T13:30:00Z"));
    assertThat(find(results, "2951-2").accession()).isEqualTo(accession + "-2");
  }

  @Test
  void a_final_or_corrected_result_updates_the_preliminary_one_and_a_replay_changes_nothing() {
    hl7.apply(oru("P", "13.1"));
    long patientId = patients.findByMrn(mrn, "LAB").orElseThrow().id();
    Observation preliminary = find(results(patientId), "718-7");

    hl7.apply(oru("F", "13.7"));
    Exchange corrected = hl7.apply(oru("C", "13.9"));
    Exchange replay = hl7.apply(oru("C", "13.9"));

    List<Observation> results = results(patientId);
    assertThat(results).hasSize(3);
    Observation hgb = find(results, "718-7");
    assertThat(hgb.id()).isEqualTo(preliminary.id());
    assertThat(hgb.value()).isEqualTo("13.9");
    assertThat(hgb.status()).isEqualTo("corrected");
    assertThat(replay.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(reprocessing.dryRun(corrected.id()).changes()).isEmpty();
    assertThat(observations.byId(hgb.id()).version()).isEqualTo(hgb.version());
  }

  @Test
  void a_result_of_another_patient_fails_with_a_code_and_changes_nothing() {
    hl7.apply(oru("F", "13.7"));
    long patientId = patients.findByMrn(mrn, "LAB").orElseThrow().id();
    Observation before = find(results(patientId), "718-7");
    String otherMrn = "X" + unique();

    // the corrected result of the same accession, sent for another patient
    Exchange row = hl7.apply(oru("C", "13.9").replace(mrn + "^^^LAB^MR", otherMrn + "^^^LAB^MR"));

    assertThat(row.status()).isEqualTo(ExchangeStatus.FAILED);
    assertThat(row.errorCode() + " " + row.errorText())
        .isEqualTo("HL7-108 OBR-3 names a result of another patient");
    Observation after = observations.byId(before.id());
    assertThat(after.patientId()).isEqualTo(patientId);
    assertThat(after.value() + " " + after.version()).isEqualTo("13.7 " + before.version());
    assertThat(patients.findByMrn(otherMrn, "LAB")).as("nothing of the message is kept").isEmpty();
  }

  @Test
  void an_ed_result_becomes_a_document_of_its_type() {
    byte[] pdf = "%PDF-1.4 lab report".getBytes(StandardCharsets.US_ASCII);
    String ed = "^application^pdf^Base64^" + Base64.getEncoder().encodeToString(pdf);

    Exchange row =
        hl7.apply(
            head("ORU^R01")
                + "OBR|1|ORD-1|"
                + accession
                + "^LAB|24317-0^Hemogram^LN|||20260501083000-0500\n"
                + "OBX|1|ED|11502-2^Laboratory report^LN||"
                + ed
                + "||||||F\n");

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    long patientId = patients.findByMrn(mrn, "LAB").orElseThrow().id();
    ClinicalDocument doc = documents(patientId).get(0);
    assertThat(doc.type().code()).isEqualTo("11502-2");
    assertThat(doc.contentType()).isEqualTo("application/pdf");
    assertThat(documents.content(doc.id()).bytes()).isEqualTo(pdf);
    assertThat(reprocessing.dryRun(row.id()).changes()).isEmpty();
  }

  @Test
  void dft_posts_each_ft1_charge_once() {
    String txn = "T" + unique();
    String dft =
        head("DFT^P03")
            + "FT1|1|"
            + txn
            + "||20260501||CG|99213^Office visit est^C4|||1|125.00&USD|125.00&USD"
            + "|||||||E11.9^Type 2 diabetes^I10|1234^Welby^Marcus\n"
            + "FT1|2|||20260501||CG|626.2|||2|24.00"
            + "|".repeat(14)
            + "J1100^Dexamethasone|25\n";

    Exchange row = hl7.apply(dft);
    Exchange replay = hl7.apply(dft);

    assertThat(row.errorText()).isNull();
    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(replay.status()).isEqualTo(ExchangeStatus.APPLIED);
    long patientId = patients.findByMrn(mrn, "LAB").orElseThrow().id();
    List<Charge> posted =
        charges
            .search(new ChargeQuery(patientId, null, null, null, null, null, null), 10, null)
            .items();
    assertThat(posted)
        .extracting(c -> c.code() + " x" + c.quantity().stripTrailingZeros().toPlainString())
        .containsExactlyInAnyOrder("99213 x1", "J1100 x2");
    Charge visit = posted.stream().filter(c -> c.code().equals("99213")).findFirst().orElseThrow();
    assertThat(visit.externalId()).isEqualTo(txn);
    assertThat(visit.amount()).isEqualByComparingTo(new BigDecimal("125.00"));
    assertThat(visit.diagnosisCodes()).containsExactly("E11.9");
    assertThat(visit.providerId()).isNotNull();
    assertThat(visit.modifiers()).isEmpty();
    Charge drug = posted.stream().filter(c -> c.code().equals("J1100")).findFirst().orElseThrow();
    assertThat(drug.modifiers()).containsExactly("25");
  }

  @Test
  void ft1s_without_transaction_id_in_two_messages_are_two_charges_and_a_resend_adds_none() {
    // the same line (set id 1, date, code) in two DFTs of one day, posted at two times: two
    // services; the first sent again under a new control id: the same posting
    String ft1 = "FT1|1|||20260501||CG|99213^Office visit est^C4|||1|125.00\n";
    String first = head("DFT^P03") + "EVN|P03|20260501101500\n" + ft1;
    String second = head("DFT^P03") + "EVN|P03|20260501143000\n" + ft1;
    String resent = head("DFT^P03") + "EVN|P03|20260501101500\n" + ft1;

    Exchange one = hl7.apply(first);
    Exchange two = hl7.apply(second);
    Exchange again = hl7.apply(resent);

    assertThat(List.of(one.status(), two.status(), again.status()))
        .containsOnly(ExchangeStatus.APPLIED);
    long patientId = patients.findByMrn(mrn, "LAB").orElseThrow().id();
    assertThat(
            charges
                .search(new ChargeQuery(patientId, null, null, null, null, null, null), 10, null)
                .items())
        .extracting(Charge::code)
        .containsExactly("99213", "99213");
    assertThat(reprocessing.dryRun(two.id()).changes()).isEmpty();
  }

  @Test
  void a_credit_or_payment_ft1_fails_the_message_with_a_code_and_posts_nothing() {
    String dft =
        head("DFT^P03")
            + "FT1|1|T"
            + unique()
            + "||20260501||CG|99213^Office visit est^C4|||1|125.00\n"
            + "FT1|2|C"
            + unique()
            + "||20260501||CD|99213^Office visit est^C4|||1|125.00\n";

    Exchange row = hl7.apply(dft);

    assertThat(row.status()).isEqualTo(ExchangeStatus.FAILED);
    assertThat(row.errorCode() + " " + row.errorText())
        .isEqualTo(
            "HL7-112 FT1(2)-6 transaction type CD is not applied: only charges (CG) are posted");
    assertThat(patients.findByMrn(mrn, "LAB")).as("nothing of the message is kept").isEmpty();
  }

  @Test
  void mdm_makes_a_text_document_from_txa_and_its_obx_lines() {
    String number = "DOC-" + unique();
    String mdm =
        head("MDM^T02")
            + "TXA|1|DS^Discharge summary|TX|20260501093000-0500|1234^Welby^Marcus"
            + "|20260501090000-0500||||||"
            + number
            + "||||AU||AV\n"
            + "OBX|1|TX|DS^Summary^L|1|Admitted for observation.||||||F\n"
            + "OBX|2|TX|DS^Summary^L|1|Discharged home.||||||F\n";

    Exchange row = hl7.apply(mdm);
    Exchange replay = hl7.apply(mdm);

    assertThat(replay.status()).isEqualTo(ExchangeStatus.APPLIED);
    ClinicalDocument doc =
        documents
            .search(new DocumentQuery(null, null, null, null, number, null, null), 5, null)
            .items()
            .get(0);
    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(doc.type().code()).isEqualTo("18842-5");
    assertThat(doc.title()).isEqualTo("Discharge summary");
    assertThat(doc.status()).isEqualTo("current");
    assertThat(doc.createdTime()).isEqualTo(Instant.parse("2026-05-01T14:00:00Z"));
    assertThat(doc.authorId()).isNotNull();
    assertThat(doc.version()).isEqualTo(1);
    assertThat(new String(documents.content(doc.id()).bytes(), StandardCharsets.UTF_8))
        .isEqualTo("Admitted for observation.\nDischarged home.\n");
  }

  private String oru(String status, String hemoglobin) {
    return head("ORU^R01")
        + "ORC|RE|ORD-1|"
        + accession
        + "\n"
        + "OBR|1|ORD-1|"
        + accession
        + "^LAB|24317-0^Hemogram^LN|||20260501083000-0500||||||||||||||||HM|F\n"
        + "NTE|1||Fasting sample\n"
        + "OBX|1|NM|718-7^Hemoglobin^LN||"
        + hemoglobin
        + "|g/dL|12.0-16.0|N|||"
        + status
        + "\n"
        + "NTE|1||Repeat if above 16\n"
        + "OBX|2|NM|WBC^WBC^L^6690-2^Leukocytes^LN||5.8|10*3/uL|4.0-10.0|N|||F\n"
        + "OBR|2|ORD-2|"
        + accession
        + "-2^LAB|2951-2^Sodium^LN|||20260501083000-0500\n"
        + "OBX|1|NM|2951-2^Sodium^LN||140|mmol/L|133-145||||F\n";
  }

  private String head(String type) {
    return "MSH|^~\\&|LAB|MAIN|PS|PS|20260501120000-0500||"
        + type
        + "|"
        + UUID.randomUUID()
        + "|P|2.5.1\n"
        + "PID|1||"
        + mrn
        + "^^^LAB^MR||CURIE^MARIE||19670311|F\n";
  }

  private List<Observation> results(long patientId) {
    return observations
        .search(new ObservationQuery(patientId, null, null, null, null, null, null, null), 50, null)
        .items();
  }

  private List<ClinicalDocument> documents(long patientId) {
    return documents
        .search(new DocumentQuery(patientId, null, null, null, null, null, null), 50, null)
        .items();
  }

  private static Observation find(List<Observation> results, String code) {
    return results.stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow();
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
