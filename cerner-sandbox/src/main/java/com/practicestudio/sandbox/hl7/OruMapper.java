package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.sandbox.data.CodeValue;
import com.practicestudio.sandbox.data.Concept;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.MinimalPdf;
import com.practicestudio.sandbox.data.ObservationRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.ProviderRecord;
import com.practicestudio.sandbox.data.Quantity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * ORU R01 for an encounter, v2.3, three order groups (ORC, OBR, NTE, OBX…): the lab panel (numeric
 * results with units, reference ranges, abnormal flags and a note on abnormal ones), the vital
 * signs (a blood pressure panel as two OBX with a sub-id), and the lab report as a PDF in an ED OBX
 * ({@code ^application^pdf^Base64^…}). Orderables go out as raw code values (order catalog, code
 * set 200), results with their LOINC codes.
 */
final class OruMapper {

  static final CodeValue LAB_PANEL = new CodeValue(200, 2_780_654L, "Basic Lab Panel", null);
  static final CodeValue VITAL_SIGNS = new CodeValue(200, 2_780_655L, "Vital Signs", null);
  static final CodeValue LAB_REPORT = new CodeValue(200, 2_780_656L, "Laboratory Report", null);
  static final Concept REPORT_TYPE = Concept.loinc("11502-2", "Laboratory report");
  static final String ABNORMAL_NOTE = "Abnormal result; the ordering provider was notified.";

  private final Domain domain;
  private final HeaderMapper header;
  private final PersonMapper person;
  private final VisitMapper visit;

  OruMapper(Domain domain) {
    this.domain = domain;
    this.header = new HeaderMapper(domain);
    this.person = new PersonMapper(domain);
    this.visit = new VisitMapper(domain);
  }

  /** Results of one encounter: labs (at least one), its vital signs and the lab report. */
  Hl7Message results(
      EncounterRecord encounter, List<ObservationRecord> labs, List<ObservationRecord> vitals) {
    ZoneId zone = domain.zone(encounter.locationId());
    PatientRecord patient = domain.patient(encounter.patientId());
    MessageWriter message = new MessageWriter();
    header.msh(message, MessageKind.ORU_R01, zone);
    person.pid(message, patient, encounter);
    visit.pv1(message, encounter);
    Order order = new Order(message, encounter, zone);
    labs(message, order, encounter, labs);
    if (!vitals.isEmpty()) {
      order.begin(2, VITAL_SIGNS, vitals.get(0).effective(), vitals.get(0).issued());
      int setId = 0;
      for (ObservationRecord vital : vitals) {
        setId = order.vital(setId, vital);
      }
    }
    Instant issued = labs.get(labs.size() - 1).issued();
    order.begin(3, LAB_REPORT, labs.get(0).effective(), issued);
    pdf(message, report(patient, labs, zone), CernerFormats.time(issued, zone));
    return message.build();
  }

  private void labs(
      MessageWriter message, Order order, EncounterRecord encounter, List<ObservationRecord> labs) {
    order.begin(1, LAB_PANEL, labs.get(0).effective(), labs.get(0).issued());
    message
        .add("NTE")
        .set("1", "1")
        .set(
            "3", "Performed at " + domain.facility(domain.location(encounter.locationId())).name());
    int setId = 0;
    for (ObservationRecord lab : labs) {
      order.numeric(++setId, lab.code(), null, lab.value(), lab);
      if (lab.interpretation() != null && !"N".equals(lab.interpretation())) {
        message.add("NTE").set("1", "1").set("3", ABNORMAL_NOTE);
      }
    }
  }

  /** The report as {@code ^application^pdf^Base64^<data>} in an ED OBX. */
  private static void pdf(MessageWriter message, byte[] pdf, String issued) {
    message
        .add("OBX")
        .set("1", "1")
        .set("2", "ED")
        .set("3.1", REPORT_TYPE.code())
        .set("3.2", REPORT_TYPE.display())
        .set("3.3", "LN")
        .set("5.2", "application")
        .set("5.3", "pdf")
        .set("5.4", "Base64")
        .set("5.5", Base64.getEncoder().encodeToString(pdf))
        .set("11", "F")
        .set("14", issued);
  }

  private static byte[] report(PatientRecord patient, List<ObservationRecord> labs, ZoneId zone) {
    List<String> lines = new ArrayList<>();
    lines.add(REPORT_TYPE.display());
    lines.add("Patient: " + patient.name().formatted() + "  MRN " + patient.mrn());
    lines.add("Collected: " + labs.get(0).effective().atZone(zone).toLocalDateTime());
    for (ObservationRecord lab : labs) {
      lines.add(
          lab.code().display()
              + ": "
              + lab.value().value().toPlainString()
              + " "
              + lab.value().unit()
              + "  ("
              + range(lab)
              + ") "
              + lab.interpretation());
    }
    return MinimalPdf.of(lines);
  }

  static String range(ObservationRecord observation) {
    Quantity low = observation.low();
    Quantity high = observation.high();
    if (low != null && high != null) {
      return low.value().toPlainString() + "-" + high.value().toPlainString();
    }
    if (high != null) {
      return "<" + high.value().toPlainString();
    }
    return low == null ? null : ">" + low.value().toPlainString();
  }

  /** Writes one order group after another. */
  private final class Order {
    private final MessageWriter message;
    private final EncounterRecord encounter;
    private final ZoneId zone;
    private final ProviderRecord orderedBy;

    Order(MessageWriter message, EncounterRecord encounter, ZoneId zone) {
      this.message = message;
      this.encounter = encounter;
      this.zone = zone;
      this.orderedBy = domain.provider(encounter.providerId());
    }

    void begin(int group, CodeValue orderable, Instant collected, Instant resulted) {
      String orderId = Long.toString(encounter.encounterId() * 10 + group);
      String accession =
          String.format(java.util.Locale.ROOT, "%018d", encounter.encounterId() * 10 + group);
      MessageWriter.Seg orc =
          message
              .add("ORC")
              .set("1", "RE")
              .set("2.1", orderId)
              .set("2.2", "HNAM_ORDERID")
              .set("5", "CM")
              .set("9", CernerFormats.time(collected, zone));
      visit.providerOnce(orc, "12", orderedBy);
      MessageWriter.Seg obr =
          message
              .add("OBR")
              .set("1", group)
              .set("2.1", orderId)
              .set("2.2", "HNAM_ORDERID")
              .set("3.1", accession)
              .set("3.2", "HNA_ACCN")
              .set("4.1", CernerFormats.raw(orderable))
              .set("4.2", orderable.display())
              .set("7", CernerFormats.time(collected, zone));
      visit.providerOnce(obr, "16", orderedBy);
      obr.set("22", CernerFormats.time(resulted, zone)).set("25", "F");
    }

    /** A numeric OBX; returns nothing, the caller counts set ids. */
    void numeric(
        int setId, Concept code, String subId, Quantity value, ObservationRecord observation) {
      message
          .add("OBX")
          .set("1", setId)
          .set("2", "NM")
          .set("3.1", code.code())
          .set("3.2", code.display())
          .set("3.3", "LN")
          .set("4", subId)
          .set("5", value.value().toPlainString())
          .set("6.1", value.unit())
          .set("7", range(observation))
          .set("8", observation.interpretation())
          .set("11", "F")
          .set("14", CernerFormats.time(observation.effective(), zone));
    }

    /**
     * A vital sign, or a panel as one OBX per component sharing a sub-id; returns the last set id.
     */
    int vital(int setId, ObservationRecord vital) {
      if (vital.value() != null) {
        numeric(++setId, vital.code(), null, vital.value(), vital);
        return setId;
      }
      String subId = Integer.toString(setId + 1);
      for (ObservationRecord.Component component : vital.components()) {
        numeric(++setId, component.code(), subId, component.value(), vital);
      }
      return setId;
    }
  }
}
