package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7.inbound.Fields.Cx;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientIdentifier;
import com.practicestudio.patients.PatientInput;
import com.practicestudio.patients.PatientService;
import com.practicestudio.patients.UpsertResult;
import com.practicestudio.web.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * ADT A40 (merge patient, patient identifier list): for each PID/MRG pair, the PID patient is the
 * survivor (created or updated from PID) and the patient of MRG-1 is merged into it through {@code
 * PatientService.merge}: the merged record stays as history, its identifiers (so its MRN) now find
 * the survivor, and its appointments, encounters, results and charges move with the merge. When
 * MRG-1 names no patient we know, its MRN is added to the survivor's identifiers so that it finds
 * the survivor all the same. Replaying the message changes nothing.
 */
@Component
@Handles("HL7 INBOUND ADT^A40")
class AdtA40Handler implements ExchangeHandler {

  private final InboundHandling handling;
  private final PatientRecords records;
  private final PatientService patients;
  private final Hl7HandlersProperties settings;

  AdtA40Handler(
      InboundHandling handling,
      PatientRecords records,
      PatientService patients,
      Hl7HandlersProperties settings) {
    this.handling = handling;
    this.records = records;
    this.patients = patients;
    this.settings = settings;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    return handling.apply(exchange, payload, context, "ADT", this::merge);
  }

  private Outcome merge(Inbound in) {
    List<Segment[]> pairs = pairs(in);
    for (Segment[] pair : pairs) {
      Patient survivor = records.upsert(in, records.read(in, pair[0]));
      Cx old = in.codes().identifier(Fields.cx(pair[1], 1, 1));
      if (old.value() == null) {
        throw Hl7HandlerError.MISSING_FIELD.failure("MRG-1 names no prior patient identifier");
      }
      Optional<Patient> merged = PatientRecords.call(() -> find(old));
      if (merged.isEmpty()) {
        keepIdentifier(in, survivor, old);
      } else if (merged.get().id() != survivor.id()) {
        try {
          patients.merge(survivor.id(), merged.get().id(), in.source(), in.exchange().id());
        } catch (ConflictException e) {
          throw Hl7HandlerError.MERGE_REFUSED.failure("MRG-1: " + e.getMessage());
        }
        in.updated("patient", survivor.id(), List.of("mergedPatients"));
        in.updated("patient", merged.get().id(), List.of("mergedIntoId", "active"));
      }
    }
    return Outcome.done();
  }

  /** Each MRG with the PID before it. */
  private static List<Segment[]> pairs(Inbound in) {
    List<Segment[]> pairs = new ArrayList<>();
    Segment pid = null;
    for (Segment s : in.message().segments()) {
      if (s.name().equals("PID")) {
        pid = s;
      } else if (s.name().equals("MRG")) {
        if (pid == null) {
          throw Hl7HandlerError.MISSING_SEGMENT.failure("PID segment is missing before MRG");
        }
        pairs.add(new Segment[] {pid, s});
        pid = null;
      }
    }
    if (pairs.isEmpty()) {
      in.required("PID");
      throw Hl7HandlerError.MISSING_SEGMENT.failure("MRG segment is missing");
    }
    return pairs;
  }

  private Optional<Patient> find(Cx old) {
    if (old.type() == null || settings.isMrnType(old.type())) {
      return patients.findByMrn(old.value(), old.authority());
    }
    return patients.findByIdentifier(old.type(), old.value(), old.authority());
  }

  /** Adds the prior MRN to the survivor's identifiers (the merged record never reached us). */
  private void keepIdentifier(Inbound in, Patient survivor, Cx old) {
    String type =
        old.type() == null || settings.isMrnType(old.type()) ? PatientIdentifier.MRN : old.type();
    PatientIdentifier prior = new PatientIdentifier(type, old.value(), old.authority(), null);
    if (survivor.identifiers().stream().anyMatch(prior::sameKey)) {
      return;
    }
    PatientInput.Builder input = PatientInput.builder();
    for (PatientIdentifier id : survivor.identifiers()) {
      input.identifier(id.type(), id.value(), id.assigningAuthority(), id.system());
    }
    input.identifier(prior.type(), prior.value(), prior.assigningAuthority(), null);
    UpsertResult result =
        PatientRecords.call(() -> patients.upsert(input.build(), Set.of(), in.source()));
    in.updated("patient", survivor.id(), result.changedFields());
  }
}
