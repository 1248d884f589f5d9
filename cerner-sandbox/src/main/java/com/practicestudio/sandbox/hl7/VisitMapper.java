package com.practicestudio.sandbox.hl7;

import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.LocationRecord;
import com.practicestudio.sandbox.data.ProviderRecord;
import java.time.ZoneId;

/**
 * ENCOUNTER → PV1, and the person and place fields many segments share: providers as XCN (personnel
 * id, then NPI) and locations as PL with the unit's raw code value (the FHIR Location id) and the
 * facility's alias.
 */
final class VisitMapper {

  private final Domain domain;

  VisitMapper(Domain domain) {
    this.domain = domain;
  }

  /** PV1 of an encounter: class, location, attending, raw encounter type, visit id, times. */
  void pv1(MessageWriter message, EncounterRecord encounter) {
    ZoneId zone = domain.zone(encounter.locationId());
    MessageWriter.Seg pv1 =
        message.add("PV1").set("1", "1").set("2", patientClass(encounter.encounterClass()));
    location(pv1, "3", encounter.locationId());
    provider(pv1, "7", domain.provider(encounter.providerId()));
    pv1.set("18", CernerFormats.raw(encounter.type().millennium()))
        .set("19", encounter.encounterId())
        .set("44", CernerFormats.time(encounter.start(), zone));
    if (encounter.end() == null) {
      pv1.nullify("45");
    } else {
      pv1.set("45", CernerFormats.time(encounter.end(), zone));
    }
  }

  /** PV1 of an outpatient appointment: class O, clinic and provider. */
  void pv1(MessageWriter message, long locationId, long providerId) {
    MessageWriter.Seg pv1 = message.add("PV1").set("1", "1").set("2", "O");
    location(pv1, "3", locationId);
    provider(pv1, "7", domain.provider(providerId));
  }

  /** PV1 for a person-level event: patient class N (not applicable). */
  void noVisit(MessageWriter message) {
    message.add("PV1").set("1", "1").set("2", "N");
  }

  /** A PL: {@code CD:<unit>^^^<facility>}. */
  void location(MessageWriter.Seg seg, String field, long locationId) {
    LocationRecord unit = domain.location(locationId);
    seg.set(field + ".1", CernerFormats.raw(unit.locationId()))
        .set(field + ".4", domain.facility(unit).name());
  }

  /** An XCN with two repetitions: the personnel id, then the NPI. */
  void provider(MessageWriter.Seg seg, String field, ProviderRecord provider) {
    person(seg, field + "(1)", Long.toString(provider.personnelId()), provider);
    seg.set(field + "(1).9", "Personnel Primary Identifier");
    person(seg, field + "(2)", provider.npi(), provider);
    seg.set(field + "(2).9", "National Provider Identifier").set(field + "(2).13", "NPI");
  }

  /** A single XCN: the personnel id and name (for AIP, TXA). */
  void providerOnce(MessageWriter.Seg seg, String field, ProviderRecord provider) {
    person(seg, field, Long.toString(provider.personnelId()), provider);
    seg.set(field + ".9", "Personnel Primary Identifier");
  }

  private static void person(
      MessageWriter.Seg seg, String field, String id, ProviderRecord provider) {
    seg.set(field + ".1", id)
        .set(field + ".2", provider.name().family())
        .set(field + ".3", provider.name().given())
        .set(field + ".4", provider.name().middle())
        .set(field + ".7", provider.credential())
        .set(field + ".10", "Personnel");
  }

  private static String patientClass(String encounterClass) {
    return switch (encounterClass) {
      case "EMER" -> "E";
      case "IMP" -> "I";
      default -> "O";
    };
  }
}
