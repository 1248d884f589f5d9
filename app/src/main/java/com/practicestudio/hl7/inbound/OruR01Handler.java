package com.practicestudio.hl7.inbound;

import com.practicestudio.clinical.DocumentDraft;
import com.practicestudio.clinical.DocumentType;
import com.practicestudio.hl7.inbound.ObxValues.Code;
import com.practicestudio.hl7.inbound.OruResults.Result;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import com.practicestudio.patients.Patient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * ORU R01 (observation results): each PID group's OBX results become observations (many OBR/OBX
 * groups, NTE notes, see {@link ObservationRecords}), and each ED result (OBX-2 {@code ED}, e.g.
 * {@code ^application^pdf^Base64^…}) a clinical document of the decoded type, typed by OBX-3 when
 * it is LOINC (else OBR-4, else {@code 11502-2} Laboratory report). The patient is found by PID
 * (created when unknown), the encounter by PID-18 when known. A result without a value (a pending
 * one) is left out; an ORU without any OBX is IGNORED.
 */
@Component
@Handles("HL7 INBOUND ORU^R01")
class OruR01Handler implements ExchangeHandler {

  static final String LAB_REPORT = "11502-2";

  private static final Map<String, String> DOCUMENT_FIELDS =
      Map.of(
          "type.code", "OBX-3",
          "type.display", "OBX-3.2",
          "title", "OBX-3.2",
          "createdTime", "OBX-14",
          "contentType", "OBX-5.2",
          "content", "OBX-5.5",
          "externalId", "OBX-3");

  private final InboundHandling handling;
  private final PatientRecords patients;
  private final EncounterRecords encounters;
  private final ObservationRecords observations;
  private final DocumentRecords documents;

  OruR01Handler(
      InboundHandling handling,
      PatientRecords patients,
      EncounterRecords encounters,
      ObservationRecords observations,
      DocumentRecords documents) {
    this.handling = handling;
    this.patients = patients;
    this.encounters = encounters;
    this.observations = observations;
    this.documents = documents;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    return handling.apply(exchange, payload, context, "ORU", this::results);
  }

  private Outcome results(Inbound in) {
    if (in.message().segment("OBX").isEmpty()) {
      return Outcome.ignored("the ORU carries no OBX result");
    }
    in.required("PID");
    for (List<Segment> group : patientGroups(in)) {
      Segment pid = group.get(0);
      PatientUpdate update = patients.read(in, pid);
      Patient patient = patients.findOrCreate(in, update);
      Long encounterId = encounters.link(in, pid, patient.id()).orElse(null);
      Map<String, Integer> seen = new HashMap<>();
      for (Result r : OruResults.read(group.subList(1, group.size()))) {
        apply(in, update, patient.id(), encounterId, r, seen);
      }
    }
    return Outcome.done();
  }

  private void apply(
      Inbound in,
      PatientUpdate update,
      long patientId,
      Long encounterId,
      Result r,
      Map<String, Integer> seen) {
    boolean ed = r.valueType().equals("ED");
    String value = ed ? null : ObxValues.value(r);
    if (!ed && value == null) {
      return;
    }
    Code code = ObxValues.code(r.obx, r.obr);
    if (code == null) {
      throw Hl7HandlerError.MISSING_FIELD.failure("OBX-3 and OBR-4 give no observation code");
    }
    Instant effective = ObservationRecords.effective(in, r);
    String key = ObservationRecords.key(update, r, code, effective);
    int occurrence = seen.merge(key, 1, Integer::sum);
    if (occurrence > 1) {
      key = key + "#" + occurrence;
    }
    if (ed) {
      document(in, patientId, encounterId, key, r, code, effective);
    } else {
      observations.upsert(in, patientId, encounterId, key, r, code, effective, value);
    }
  }

  private void document(
      Inbound in,
      long patientId,
      Long encounterId,
      String key,
      Result r,
      Code code,
      Instant effective) {
    EdContent content = EdContent.read(r.obx, "OBX-5");
    Code type = code;
    if (!ObxValues.LOINC.equals(type.system()) && r.obr != null) {
      Code order = ObxValues.code(r.obr, 4);
      type = order != null && ObxValues.LOINC.equals(order.system()) ? order : null;
    } else if (!ObxValues.LOINC.equals(type.system())) {
      type = null;
    }
    String title = code.display() != null ? code.display() : "Laboratory report";
    DocumentDraft draft =
        new DocumentDraft(
            null,
            patientId,
            encounterId,
            type == null
                ? new DocumentType(LAB_REPORT, "Laboratory report")
                : new DocumentType(type.code(), ObxValues.cut(type.display(), 500)),
            ObxValues.cut(title, 500),
            "current",
            null,
            effective,
            null,
            null,
            false,
            null);
    documents.upsert(in, draft, "oru:" + key, content, DOCUMENT_FIELDS);
  }

  /** The message's segments from each PID to the next (the PID first). */
  private static List<List<Segment>> patientGroups(Inbound in) {
    List<List<Segment>> groups = new ArrayList<>();
    List<Segment> current = null;
    for (Segment s : in.message().segments()) {
      if (s.name().equals("PID")) {
        current = new ArrayList<>();
        groups.add(current);
      }
      if (current != null) {
        current.add(s);
      }
    }
    return groups;
  }
}
