package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.ObservationRecord;
import com.practicestudio.sandbox.data.ProviderRecord;
import java.time.ZoneId;
import java.util.List;

/**
 * DFT P03 for an encounter's charges, v2.3: MSH, EVN, PID (with the FIN), PV1, one FT1 per charge
 * (CDM code, quantity, extended and unit amounts in USD, service and posting dates, location, raw
 * patient type, the diagnoses in FT1-19, performing and ordering provider, CPT in FT1-25), then one
 * DG1 per diagnosis (ICD-10-CM, final).
 */
final class DftMapper {

  private final Domain domain;
  private final HeaderMapper header;
  private final PersonMapper person;
  private final VisitMapper visit;

  DftMapper(Domain domain) {
    this.domain = domain;
    this.header = new HeaderMapper(domain);
    this.person = new PersonMapper(domain);
    this.visit = new VisitMapper(domain);
  }

  Hl7Message charges(EncounterRecord encounter, List<ObservationRecord> observations) {
    ZoneId zone = domain.zone(encounter.locationId());
    MessageWriter message = new MessageWriter();
    header.msh(message, MessageKind.DFT_P03, zone);
    header.evn(message, MessageKind.DFT_P03, zone);
    person.pid(message, domain.patient(encounter.patientId()), encounter);
    visit.pv1(message, encounter);
    List<ChargeCatalog.Diagnosis> diagnoses = ChargeCatalog.diagnoses(observations);
    List<ChargeCatalog.Charge> charges = ChargeCatalog.charges(encounter, observations);
    for (int i = 0; i < charges.size(); i++) {
      ft1(message, i + 1, charges.get(i), encounter, diagnoses, zone);
    }
    for (int i = 0; i < diagnoses.size(); i++) {
      ChargeCatalog.Diagnosis diagnosis = diagnoses.get(i);
      message
          .add("DG1")
          .set("1", i + 1)
          .set("2", "I10")
          .set("3.1", diagnosis.code())
          .set("3.2", diagnosis.description())
          .set("3.3", "I10")
          .set("4", diagnosis.description())
          .set("5", CernerFormats.time(encounter.start(), zone))
          .set("6", "F");
    }
    return message.build();
  }

  private void ft1(
      MessageWriter message,
      int setId,
      ChargeCatalog.Charge charge,
      EncounterRecord encounter,
      List<ChargeCatalog.Diagnosis> diagnoses,
      ZoneId zone) {
    ChargeCatalog.Item item = charge.item();
    MessageWriter.Seg ft1 =
        message
            .add("FT1")
            .set("1", setId)
            .set("2", encounter.encounterId() * 100 + setId)
            .set("4", CernerFormats.time(encounter.start(), zone))
            .set("5", CernerFormats.time(domain.now(), zone))
            .set("6", "CG")
            .set("7.1", item.cdm())
            .set("7.2", item.description())
            .set("8", item.description())
            .set("10", charge.quantity())
            .set("11.1.1", CernerFormats.money(charge.amount()))
            .set("11.1.2", "USD")
            .set("12.1.1", CernerFormats.money(item.price()))
            .set("12.1.2", "USD");
    visit.location(ft1, "16", encounter.locationId());
    ft1.set("18", CernerFormats.raw(encounter.type().millennium()));
    for (int i = 0; i < diagnoses.size(); i++) {
      String field = "19(" + (i + 1) + ")";
      ft1.set(field + ".1", diagnoses.get(i).code())
          .set(field + ".2", diagnoses.get(i).description())
          .set(field + ".3", "I10");
    }
    ProviderRecord provider = domain.provider(encounter.providerId());
    visit.providerOnce(ft1, "20", provider);
    visit.providerOnce(ft1, "21", provider);
    ft1.set("25.1", item.cpt()).set("25.2", item.description()).set("25.3", "C4");
  }
}
