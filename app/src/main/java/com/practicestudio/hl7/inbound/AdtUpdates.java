package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.Outcome;
import com.practicestudio.patients.Patient;
import org.springframework.stereotype.Component;

/**
 * What ADT registrations and updates share: the patient from PID (with coverages from IN1) and,
 * when the event concerns a visit, the encounter from PID-18 and PV1.
 */
@Component
class AdtUpdates {

  private final PatientRecords patients;
  private final EncounterRecords encounters;

  AdtUpdates(PatientRecords patients, EncounterRecords encounters) {
    this.patients = patients;
    this.encounters = encounters;
  }

  Outcome apply(Inbound in, boolean visit) {
    Segment pid = in.required("PID");
    PatientUpdate update = patients.read(in, pid);
    update.fields().coverages = In1Mapper.coverages(in.message());
    Patient patient = patients.upsert(in, update);
    if (visit) {
      encounters.upsert(in, pid, patient);
    }
    return Outcome.done();
  }
}
