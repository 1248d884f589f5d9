package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.MergeRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import java.time.ZoneId;

/**
 * ADT as Millennium sends it in v2.3: A01/A04/A08 about an encounter (MSH, EVN, PID with the FIN,
 * PV1), A31 about a person (PV1 class N) and A40 for a combine (PID of the survivor, MRG with the
 * merged MRN).
 */
final class AdtMapper {

  private final Domain domain;
  private final HeaderMapper header;
  private final PersonMapper person;
  private final VisitMapper visit;

  AdtMapper(Domain domain) {
    this.domain = domain;
    this.header = new HeaderMapper(domain);
    this.person = new PersonMapper(domain);
    this.visit = new VisitMapper(domain);
  }

  /** A01 (admit), A04 (register) or A08 (update) of an encounter. */
  Hl7Message visit(MessageKind kind, EncounterRecord encounter) {
    ZoneId zone = domain.zone(encounter.locationId());
    MessageWriter message = new MessageWriter();
    header.msh(message, kind, zone);
    header.evn(message, kind, zone);
    person.pid(message, domain.patient(encounter.patientId()), encounter);
    visit.pv1(message, encounter);
    return message.build();
  }

  /** A31: person information changed, no visit. */
  Hl7Message personUpdate(PatientRecord patient) {
    ZoneId zone = domain.zoneOf(patient);
    MessageWriter message = new MessageWriter();
    header.msh(message, MessageKind.ADT_A31, zone);
    header.evn(message, MessageKind.ADT_A31, zone);
    person.pid(message, patient, null);
    visit.noVisit(message);
    return message.build();
  }

  /** A40: the merged record's MRN goes in MRG-1 under the survivor's PID. */
  Hl7Message merge(MergeRecord merge) {
    PatientRecord survivor = domain.patient(merge.toPersonId());
    PatientRecord merged = domain.patient(merge.fromPersonId());
    ZoneId zone = domain.zoneOf(survivor);
    MessageWriter message = new MessageWriter();
    header.msh(message, MessageKind.ADT_A40, zone);
    header.evn(message, MessageKind.ADT_A40, zone);
    person.pid(message, survivor, null);
    person.mrg(message, merged);
    return message.build();
  }
}
