package com.practicestudio.hl7.inbound;

import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.ExchangeFailure;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientIdentifier;
import com.practicestudio.patients.PatientLookup;
import com.practicestudio.patients.PatientService;
import com.practicestudio.patients.UpsertResult;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Patients as inbound messages name them: ADT messages create or update the patient field by field;
 * the other message types find the patient by its identifiers and create it from PID only when it
 * is unknown (ADT is where demographics come from).
 */
@Component
class PatientRecords {

  private final PatientService patients;
  private final PidMapper mapper;

  PatientRecords(PatientService patients, PhoneNumbers phones, Hl7HandlersProperties settings) {
    this.patients = patients;
    this.mapper = new PidMapper(settings, phones);
  }

  PatientUpdate read(Inbound in, Segment pid) {
    return mapper.map(pid, in.codes());
  }

  /** A message's PID with the code maps of the interface it came in on. */
  record Pid(Segment segment, CodeTranslator codes) {}

  /**
   * Reads ahead what {@link #upsert} will read for each of these PID segments, of a group of
   * messages applied in one transaction (see {@link PatientService#readAhead}).
   */
  void readAhead(List<Pid> pids) {
    List<PatientService.LookupRequest> requests = new ArrayList<>(pids.size());
    for (Pid pid : pids) {
      PatientUpdate identity;
      try {
        identity = mapper.identity(pid.segment(), pid.codes());
      } catch (ExchangeFailure namesNobody) {
        continue; // its handler fails it
      }
      requests.add(
          new PatientService.LookupRequest(
              identity.mrn(), identity.mrnAuthority(), identity.identifiers()));
    }
    patients.readAhead(requests);
  }

  /** Creates or updates the patient with what the message gives; reports the changed fields. */
  Patient upsert(Inbound in, PatientUpdate update) {
    UpsertResult result =
        call(
            () -> {
              PatientLookup lookup = lookup(update);
              Optional<Long> known = known(update, lookup);
              // an MRN that is not the patient's primary one (a merged record's) only identifies
              boolean primary =
                  known.map(lookup::primaryMrn).map(mrn -> mrn.equals(update.mrn())).orElse(true);
              return patients.upsert(
                  update.fields().toInput(primary), update.clear(), in.source(), lookup);
            });
    long id = result.patient().id();
    if (result.created()) {
      in.created("patient", id, result.changedFields());
    } else {
      in.updated("patient", id, result.changedFields());
    }
    return result.patient();
  }

  /** The patient the identifiers name; created from PID when there is none. */
  Patient findOrCreate(Inbound in, PatientUpdate update) {
    Optional<Patient> known = find(update);
    return known.isPresent() ? known.get() : upsert(in, update);
  }

  /** The patient (the survivor of any merge) that the MRN, else another identifier, names. */
  Optional<Patient> find(PatientUpdate update) {
    return call(() -> known(update, lookup(update)).flatMap(patients::find));
  }

  private PatientLookup lookup(PatientUpdate update) {
    return patients.lookup(update.mrn(), update.mrnAuthority(), update.identifiers());
  }

  /** The survivor the MRN, else another identifier, names (all looked up at once). */
  private static Optional<Long> known(PatientUpdate update, PatientLookup lookup) {
    if (update.mrn() != null) {
      Optional<Long> byMrn = lookup.byMrn(update.mrn(), update.mrnAuthority());
      if (byMrn.isPresent()) {
        return byMrn;
      }
    }
    Set<Long> found = new LinkedHashSet<>();
    for (PatientIdentifier i : update.identifiers()) {
      lookup.byIdentifier(i.type(), i.value(), i.assigningAuthority()).ifPresent(found::add);
    }
    if (found.size() > 1) {
      throw Hl7HandlerError.PATIENT_CONFLICT.failure(
          "PID-3 identifiers name different patients " + found);
    }
    return found.stream().findFirst();
  }

  /** Runs a patients call, turning its refusals into failures that name PID fields. */
  static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidRequestException e) {
      throw RefusedValues.failure(e, RefusedValues.PATIENT);
    } catch (ConflictException e) {
      throw Hl7HandlerError.PATIENT_CONFLICT.failure("PID-3: " + e.getMessage());
    }
  }
}
