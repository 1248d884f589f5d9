package com.practicestudio.hl7.inbound;

import static com.practicestudio.hl7.inbound.AdtSamples.a04;
import static com.practicestudio.hl7.inbound.AdtSamples.msh;
import static com.practicestudio.hl7.inbound.AdtSamples.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.scheduling.Appointment;
import com.practicestudio.scheduling.AppointmentService;
import com.practicestudio.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ADT A40 through the real journal and workers: the merged MRN resolves to the survivor, the merge
 * is recorded once, appointments move, and a merge whose old patient never reached us keeps the old
 * MRN as an identifier of the survivor.
 */
@IntegrationTest
class AdtMergeIT {

  @Autowired ExchangeJournal journal;
  @Autowired PatientService patients;
  @Autowired AppointmentService appointments;

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
  void a40_merges_the_mrg_patient_into_the_pid_patient_and_moves_its_appointments() {
    String oldMrn = "OLD" + unique();
    hl7.apply(a04(mrn, fin));
    hl7.apply(a04(oldMrn, "F" + unique()));
    Patient survivor = patients.findByMrn(mrn, "HOSP").orElseThrow();
    Patient merged = patients.findByMrn(oldMrn, "HOSP").orElseThrow();
    String filler = "SCH" + unique();
    hl7.apply(
        msh("SIU^S12")
            + "SCH||"
            + filler
            + "|||||||30|min|^^^20260410090000-0500\n"
            + "PID|1||"
            + oldMrn
            + "^^^HOSP^MR||SMITH^JANE\n");

    String a40 =
        msh("ADT^A40")
            + "EVN|A40|20260402080000\n"
            + "PID|1||"
            + mrn
            + "^^^HOSP^MR||SMITH^JANE||19800102|F\n"
            + "MRG|"
            + oldMrn
            + "^^^HOSP^MR\n";
    Exchange row = hl7.apply(a40);

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(patients.findByMrn(oldMrn, "HOSP").orElseThrow().id()).isEqualTo(survivor.id());
    assertThat(patients.find(merged.id()).orElseThrow().mergedIntoId()).isEqualTo(survivor.id());
    assertThat(patients.merges(survivor.id()))
        .singleElement()
        .satisfies(m -> assertThat(m.exchangeId()).isEqualTo(row.id()));
    Appointment moved = appointments.findByExternalId(filler).orElseThrow();
    assertThat(moved.patientId()).isEqualTo(survivor.id());

    assertThat(hl7.apply(a40).status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(patients.merges(survivor.id())).hasSize(1);
  }

  @Test
  void a40_pairs_whose_merged_patient_never_reached_us_keep_the_old_mrn_as_an_identifier() {
    String second = "S" + unique();
    String oldOne = "O1" + unique();
    String oldTwo = "O2" + unique();

    Exchange row =
        hl7.apply(
            msh("ADT^A40")
                + "PID|1||"
                + mrn
                + "^^^BCBS^MR||Test^Test^A||20180205|F\n"
                + "MRG|"
                + oldOne
                + "^^^BCBS^MR\n"
                + "PID|1||"
                + second
                + "^^^BCBS^MR||Test^Tess^A||20180205|F\n"
                + "MRG|"
                + oldTwo
                + "^^^BCBS^MR\n");

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(patients.findByMrn(oldOne, "BCBS").orElseThrow().mrn()).isEqualTo(mrn);
    assertThat(patients.findByMrn(oldTwo, "BCBS").orElseThrow().mrn()).isEqualTo(second);
  }
}
