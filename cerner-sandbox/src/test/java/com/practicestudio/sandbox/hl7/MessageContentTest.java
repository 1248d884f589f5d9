package com.practicestudio.sandbox.hl7;

import static com.practicestudio.sandbox.hl7.CernerMessagesTest.DATA;
import static com.practicestudio.sandbox.hl7.CernerMessagesTest.generate;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.DocumentRecord;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.LocationRecord;
import com.practicestudio.sandbox.data.MergeRecord;
import com.practicestudio.sandbox.data.ObservationRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per message type: the segments and values a Cerner interface sends, checked against the data. */
class MessageContentTest {

  @Test
  void siu_carries_the_appointment_its_timing_and_its_resources() {
    for (MessageKind kind :
        List.of(MessageKind.SIU_S12, MessageKind.SIU_S14, MessageKind.SIU_S15)) {
      Hl7Message siu = generate(kind, 1).get(0);
      assertThat(siu.segments().stream().map(Segment::name))
          .containsExactly("MSH", "SCH", "PID", "PV1", "RGS", "AIS", "AIG", "AIL", "AIP");
      AppointmentRecord appointment =
          DATA.appointment(Long.parseLong(siu.get("SCH-2.1"))).orElseThrow();
      assertThat(siu.get("SCH-1.1")).isEqualTo(siu.get("SCH-2.1"));
      ZoneId zone = DATA.location(appointment.locationId()).orElseThrow().zone();
      assertThat(siu.timestamp("SCH-11.4").orElseThrow().toOffsetDateTime(zone))
          .isEqualTo(appointment.start().atZone(zone).toOffsetDateTime());
      assertThat(siu.timestamp("SCH-11.5").orElseThrow().toOffsetDateTime(zone).toInstant())
          .isEqualTo(appointment.end());
      assertThat(siu.get("SCH-11.3")).isEqualTo("M" + siu.get("SCH-9"));
      assertThat(siu.get("SCH-8"))
          .isEqualTo("CD:" + appointment.serviceType().millennium().value());
      assertThat(siu.get("AIS-3.1")).isEqualTo(siu.get("SCH-8"));
      assertThat(siu.get("AIL-3.1")).isEqualTo("CD:" + appointment.locationId());
      assertThat(siu.get("AIP-3.1")).isEqualTo(Long.toString(appointment.providerId()));
      assertThat(siu.get("AIS-4")).isEqualTo(siu.get("SCH-11.4"));
      assertThat(siu.get("PID-3.1"))
          .isEqualTo(DATA.patient(appointment.patientId()).orElseThrow().mrn());
      boolean cancel = kind == MessageKind.SIU_S15;
      assertThat(siu.get("SCH-25")).isEqualTo(cancel ? "Cancelled" : "Booked");
      assertThat(siu.get("RGS-2"))
          .isEqualTo(cancel ? "D" : kind == MessageKind.SIU_S14 ? "U" : "A");
      assertThat(siu.get("SCH-6")).isEqualTo(cancel ? "CD:4051221" : "");
    }
  }

  @Test
  void oru_reports_labs_vitals_and_a_pdf_in_separate_order_groups() {
    Hl7Message oru = generate(MessageKind.ORU_R01, 1).get(0);
    List<Segment> obrs = oru.segments("OBR");
    assertThat(obrs).hasSize(3);
    assertThat(obrs.stream().map(obr -> obr.get(4))).allMatch(code -> code.startsWith("CD:"));
    assertThat(oru.segments("ORC")).hasSize(3);
    EncounterRecord encounter = DATA.encounter(Long.parseLong(oru.get("PV1-19"))).orElseThrow();
    List<ObservationRecord> labs =
        DATA.observations().stream()
            .filter(o -> encounter.encounterId() == o.encounterId())
            .filter(o -> o.category().equals("laboratory"))
            .toList();
    List<Segment> numeric =
        oru.segments("OBX").stream().filter(obx -> obx.get(2).equals("NM")).toList();
    for (ObservationRecord lab : labs) {
      Segment obx =
          numeric.stream()
              .filter(s -> s.get(3, 1, 1, 1).equals(lab.code().code()))
              .findFirst()
              .orElseThrow();
      assertThat(new BigDecimal(obx.get(5))).isEqualByComparingTo(lab.value().value());
      assertThat(obx.get(6, 1, 1, 1)).isEqualTo(lab.value().unit());
      assertThat(obx.get(7))
          .isEqualTo(lab.low().value().toPlainString() + "-" + lab.high().value().toPlainString());
      assertThat(obx.get(8)).isEqualTo(lab.interpretation());
      assertThat(obx.get(3, 1, 3, 1)).isEqualTo("LN");
      assertThat(obx.get(11)).isEqualTo("F");
    }
    boolean abnormal = labs.stream().anyMatch(l -> !l.interpretation().equals("N"));
    assertThat(oru.segments("NTE").size()).isGreaterThanOrEqualTo(abnormal ? 2 : 1);
    assertThat(numeric.stream().map(s -> s.get(3, 1, 1, 1))).contains("8480-6", "8462-4");
    Segment ed = oru.segments("OBX").stream().filter(s -> s.get(2).equals("ED")).findFirst().get();
    assertThat(ed.get(5, 1, 2, 1)).isEqualTo("application");
    assertThat(ed.get(5, 1, 3, 1)).isEqualTo("pdf");
    assertThat(ed.get(5, 1, 4, 1)).isEqualTo("Base64");
    byte[] pdf = Base64.getDecoder().decode(ed.get(5, 1, 5, 1));
    assertThat(new String(pdf, 0, 8, StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.");
  }

  @Test
  void dft_bills_the_visit_and_its_labs_with_diagnoses() {
    for (Hl7Message dft : generate(MessageKind.DFT_P03, 20)) {
      List<Segment> charges = dft.segments("FT1");
      List<Segment> diagnoses = dft.segments("DG1");
      assertThat(charges).isNotEmpty();
      assertThat(diagnoses).isNotEmpty();
      assertThat(charges.get(0).get(25, 1, 1, 1)).isIn("99213", "99284");
      for (Segment ft1 : charges) {
        assertThat(ft1.get(6)).isEqualTo("CG");
        assertThat(ft1.get(10)).isEqualTo("1");
        assertThat(ft1.get(11, 1, 1, 2)).isEqualTo("USD");
        assertThat(new BigDecimal(ft1.get(11, 1, 1, 1)))
            .isEqualByComparingTo(new BigDecimal(ft1.get(12, 1, 1, 1)));
        assertThat(ft1.get(25, 1, 3, 1)).isEqualTo("C4");
        assertThat(ft1.get(18)).startsWith("CD:");
        assertThat(ft1.get(20, 1, 1, 1)).isNotEmpty();
        assertThat(ft1.repetitionCount(19)).isEqualTo(diagnoses.size());
        for (int i = 0; i < diagnoses.size(); i++) {
          assertThat(ft1.get(19, i + 1, 1, 1)).isEqualTo(diagnoses.get(i).get(3, 1, 1, 1));
        }
      }
      assertThat(diagnoses).allMatch(dg1 -> dg1.get(2).equals("I10") && dg1.get(6).equals("F"));
    }
    List<Hl7Message> all = generate(MessageKind.DFT_P03, 40);
    assertThat(all).anyMatch(m -> m.segments("FT1").size() > 2);
  }

  @Test
  void mdm_sends_the_document_as_txa_and_one_tx_line_per_line() {
    Hl7Message mdm = generate(MessageKind.MDM_T02, 1).get(0);
    DocumentRecord document = DATA.document(Long.parseLong(mdm.get("TXA-12"))).orElseThrow();
    assertThat(mdm.get("TXA-2")).isEqualTo(document.type().code());
    assertThat(mdm.get("TXA-17")).isEqualTo("AU");
    assertThat(mdm.get("TXA-5.1")).isEqualTo(Long.toString(document.authorId()));
    List<Segment> lines = mdm.segments("OBX");
    assertThat(lines).allMatch(obx -> obx.get(2).equals("TX"));
    assertThat(lines.stream().map(obx -> obx.get(5)))
        .containsExactlyElementsOf(MdmMapper.lines(document));
  }

  @Test
  void a40_puts_the_merged_mrn_in_mrg_under_the_survivor() {
    Hl7Message a40 = generate(MessageKind.ADT_A40, 1).get(0);
    MergeRecord merge =
        DATA.merges().stream()
            .filter(
                m -> DATA.patient(m.fromPersonId()).orElseThrow().mrn().equals(a40.get("MRG-1.1")))
            .findFirst()
            .orElseThrow();
    PatientRecord survivor = DATA.patient(merge.toPersonId()).orElseThrow();
    assertThat(a40.get("PID-3.1")).isEqualTo(survivor.mrn());
    assertThat(a40.get("MRG-1.4")).isEqualTo("SANDBOX MRN");
    assertThat(a40.get("MRG-1.5")).isEqualTo("MRN");
    assertThat(a40.segment("PV1")).isEmpty();
  }

  @Test
  void times_carry_the_offset_of_the_location_time_zone() {
    for (Hl7Message message : generate(MessageKind.ADT_A08, 30)) {
      EncounterRecord encounter =
          DATA.encounter(Long.parseLong(message.get("PV1-19"))).orElseThrow();
      LocationRecord clinic = DATA.location(encounter.locationId()).orElseThrow();
      OffsetDateTime admitted =
          message.timestamp("PV1-44").orElseThrow().toOffsetDateTime().orElseThrow();
      assertThat(admitted.toInstant()).isEqualTo(encounter.start());
      assertThat(admitted.getOffset())
          .isEqualTo(clinic.zone().getRules().getOffset(encounter.start()));
      OffsetDateTime sent =
          message.timestamp("MSH-7").orElseThrow().toOffsetDateTime().orElseThrow();
      assertThat(sent.getOffset()).isEqualTo(clinic.zone().getRules().getOffset(sent.toInstant()));
    }
    assertThat(
            generate(MessageKind.ADT_A08, 30).stream()
                .map(m -> m.get("MSH-7").substring(14))
                .distinct())
        .as("both facility time zones appear")
        .hasSizeGreaterThan(1);
  }
}
