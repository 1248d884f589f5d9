package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.billing.ChargeQuery;
import com.practicestudio.billing.ChargeService;
import com.practicestudio.clinical.ClinicalDocument;
import com.practicestudio.clinical.DocumentQuery;
import com.practicestudio.clinical.DocumentService;
import com.practicestudio.clinical.ObservationQuery;
import com.practicestudio.clinical.ObservationService;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.patients.PatientService;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Cerner-shaped messages the sandbox's MLLP peer generates from its seeded domain (raw {@code
 * CD:} code values, {@code ""} nulls, alias pools, v2.3) are applied, every type of them.
 */
@IntegrationTest
@TestMethodOrder(OrderAnnotation.class)
class CernerSandboxMessagesIT {

  private static final List<String> TYPES =
      List.of(
          "ADT^A04", "ADT^A01", "ADT^A08", "ADT^A31", "ADT^A40", "SIU^S12", "SIU^S14", "SIU^S15",
          "ORU^R01", "DFT^P03", "MDM^T02");

  private static CernerSandbox sandbox;

  @Autowired ExchangeJournal journal;
  @Autowired PatientService patients;
  @Autowired ObservationService observations;
  @Autowired DocumentService documents;
  @Autowired ChargeService charges;

  @BeforeAll
  static void start() {
    sandbox = CernerSandbox.builder().patients(300).mllpPort(0).build().start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  @Order(1)
  void every_generated_message_type_is_applied() {
    InboundJournal hl7 = new InboundJournal(journal);
    for (String type : TYPES) {
      for (Hl7Message message : sandbox.hl7().generate(type, 3)) {
        Exchange row = hl7.apply(message);
        assertThat(row.status() + " " + row.errorCode() + " " + row.errorText())
            .as(type)
            .isEqualTo("APPLIED null null");
      }
    }
  }

  @Test
  @Order(2)
  void a_generated_patient_is_found_by_its_mrn_in_the_sandbox_pool() {
    Hl7Message a04 = sandbox.hl7().generate("ADT^A04", 1).get(0);
    new InboundJournal(journal).apply(a04);
    String mrn = a04.get("PID-3.1");
    assertThat(patients.findByMrn(mrn, "SANDBOX MRN").orElseThrow().lastName())
        .isEqualTo(a04.get("PID-5.1"));
  }

  @Test
  @Order(3)
  void results_charges_and_documents_carry_the_codes_the_sandbox_sent() {
    InboundJournal hl7 = new InboundJournal(journal);
    Hl7Message oru = sandbox.hl7().generate("ORU^R01", 1).get(0);
    Hl7Message dft = sandbox.hl7().generate("DFT^P03", 1).get(0);
    Hl7Message mdm = sandbox.hl7().generate("MDM^T02", 1).get(0);
    hl7.apply(oru);
    hl7.apply(dft);
    hl7.apply(mdm);

    long oruPatient = patients.findByMrn(oru.get("PID-3.1"), "SANDBOX MRN").orElseThrow().id();
    assertThat(
            observations
                .search(
                    new ObservationQuery(oruPatient, null, null, null, null, null, null, null),
                    100,
                    null)
                .items())
        .extracting(o -> o.code())
        .contains(oru.get("OBX-3.1"));
    assertThat(
            documents
                .search(
                    new DocumentQuery(oruPatient, null, "11502-2", null, null, null, null),
                    10,
                    null)
                .items())
        .isNotEmpty();
    long dftPatient = patients.findByMrn(dft.get("PID-3.1"), "SANDBOX MRN").orElseThrow().id();
    assertThat(
            charges
                .search(new ChargeQuery(dftPatient, null, null, null, null, null, null), 50, null)
                .items())
        .extracting(c -> c.code())
        .contains(dft.get("FT1-25.1"));
    ClinicalDocument document =
        documents
            .search(
                new DocumentQuery(null, null, null, null, mdm.get("TXA-12.1"), null, null), 1, null)
            .items()
            .get(0);
    assertThat(document.type().code()).isEqualTo(mdm.get("TXA-2.1"));
  }
}
