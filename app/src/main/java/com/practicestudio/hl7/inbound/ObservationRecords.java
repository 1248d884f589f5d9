package com.practicestudio.hl7.inbound;

import com.practicestudio.clinical.Observation;
import com.practicestudio.clinical.ObservationDraft;
import com.practicestudio.clinical.ObservationService;
import com.practicestudio.hl7.inbound.ObxValues.Code;
import com.practicestudio.hl7.inbound.OruResults.Result;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Observations from ORU results, found again by their business key — the accession (OBR-3, else the
 * patient's identifiers and the order id), the code, the sub-id OBX-4 and the effective time — so
 * that a corrected (OBX-11 C) or final result updates the preliminary one and a replay changes
 * nothing; a key whose result is another patient's fails (HL7-108). Value by OBX-2, unit OBX-6 (as
 * UCUM, see {@link ObxValues#unit}), reference range OBX-7, abnormal flags OBX-8, status OBX-11,
 * effective time OBX-14 (else OBR-7, OBR-8), issued OBR-22, notes from NTE.
 */
@Component
class ObservationRecords {

  static final String KIND = "observation";

  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("code", "OBX-3"),
          Map.entry("codeSystem", "OBX-3.3"),
          Map.entry("display", "OBX-3.2"),
          Map.entry("value", "OBX-5"),
          Map.entry("unit", "OBX-6"),
          Map.entry("referenceRange", "OBX-7"),
          Map.entry("abnormalFlag", "OBX-8"),
          Map.entry("status", "OBX-11"),
          Map.entry("effectiveTime", "OBX-14"),
          Map.entry("notes", "NTE-3"),
          Map.entry("orderId", "OBR-2"),
          Map.entry("accession", "OBR-3"),
          Map.entry("category", "OBR-24"));

  private final ObservationService observations;
  private final RecordKeys keys;

  ObservationRecords(ObservationService observations, RecordKeys keys) {
    this.observations = observations;
    this.keys = keys;
  }

  /** The key of a result: what makes it the same result when it comes again. */
  static String key(PatientUpdate patient, Result r, Code code, Instant effective) {
    String order =
        r.accession != null
            ? "accession:" + r.accession
            : "patient:" + patient.keyText() + "|order:" + r.orderId;
    return order
        + "|code:"
        + code.system()
        + "^"
        + code.code()
        + "|sub:"
        + (Fields.text(r.obx, 4) == null ? "" : Fields.text(r.obx, 4))
        + "|at:"
        + effective;
  }

  /** Effective time: OBX-14, else OBR-7, else OBR-8; HL7-104 when none is sent. */
  static Instant effective(Inbound in, Result r) {
    MessageTimes times = in.times();
    Instant at = times.instant(r.obx, 14, 1, null, "OBX-14");
    if (at == null && r.obr != null) {
      at = times.instant(r.obr, 7, 1, null, "OBR-7");
      if (at == null) {
        at = times.instant(r.obr, 8, 1, null, "OBR-8");
      }
    }
    if (at == null) {
      throw Hl7HandlerError.MISSING_FIELD.failure("OBX-14 and OBR-7 give no observation time");
    }
    return at;
  }

  /** Creates or updates the observation of one result. */
  void upsert(
      Inbound in,
      long patientId,
      Long encounterId,
      String key,
      Result r,
      Code code,
      Instant effective,
      String value) {
    ObservationDraft draft =
        new ObservationDraft(
            null,
            patientId,
            encounterId,
            ObxValues.category(code, r.obr),
            code.code(),
            code.system(),
            ObxValues.cut(code.display(), 500),
            value,
            ObxValues.cut(ObxValues.unit(r.obx), 50),
            ObxValues.cut(Fields.plainText(r.obx, 7, 1, 1), 200),
            ObxValues.abnormalFlags(r.obx),
            ObxValues.status(r.obx),
            effective,
            r.obr == null ? null : in.times().instant(r.obr, 22, 1, null, "OBR-22"),
            null,
            r.notes.isEmpty() ? null : String.join("\n", r.notes),
            ObxValues.cut(r.orderId, 100),
            ObxValues.cut(r.accession, 100),
            false,
            null);
    Optional<Observation> existing = keys.find(KIND, key).flatMap(this::find);
    // a result never moves to another patient: a specimen reported under the wrong one is for an
    // operator to sort out in both records (as for documents and charges)
    if (existing.isPresent() && existing.get().patientId() != patientId) {
      throw Hl7HandlerError.PATIENT_CONFLICT.failure(
          (r.accession != null ? "OBR-3 names" : "PID-3 and OBR-2 name")
              + " a result of another patient");
    }
    try {
      if (existing.isEmpty()) {
        Observation created = observations.create(draft);
        keys.remember(KIND, key, created.id());
        in.created(KIND, created.id(), changed(null, draft));
      } else {
        List<String> changed = changed(existing.get(), draft);
        if (!changed.isEmpty()) {
          observations.update(existing.get().id(), draft);
          in.updated(KIND, existing.get().id(), changed);
        }
      }
    } catch (InvalidRequestException e) {
      throw RefusedValues.failure(e, in.at(r.obx, FIELDS));
    }
  }

  private Optional<Observation> find(long id) {
    try {
      return Optional.of(observations.byId(id));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static List<String> changed(Observation o, ObservationDraft d) {
    List<String> f = new ArrayList<>();
    EncounterRecords.diff(f, "patientId", o == null ? null : o.patientId(), d.patientId());
    EncounterRecords.diff(f, "encounterId", o == null ? null : o.encounterId(), d.encounterId());
    EncounterRecords.diff(f, "category", o == null ? null : o.category(), d.category());
    EncounterRecords.diff(f, "code", o == null ? null : o.code(), d.code());
    EncounterRecords.diff(f, "codeSystem", o == null ? null : o.codeSystem(), d.codeSystem());
    EncounterRecords.diff(f, "display", o == null ? null : o.display(), d.display());
    EncounterRecords.diff(f, "value", o == null ? null : o.value(), d.value());
    EncounterRecords.diff(f, "unit", o == null ? null : o.unit(), d.unit());
    EncounterRecords.diff(
        f, "referenceRange", o == null ? null : o.referenceRange(), d.referenceRange());
    EncounterRecords.diff(f, "abnormalFlag", o == null ? null : o.abnormalFlag(), d.abnormalFlag());
    EncounterRecords.diff(f, "status", o == null ? null : o.status(), d.status());
    EncounterRecords.diff(
        f, "effectiveTime", o == null ? null : o.effectiveTime(), d.effectiveTime());
    EncounterRecords.diff(f, "issuedTime", o == null ? null : o.issuedTime(), d.issuedTime());
    EncounterRecords.diff(f, "notes", o == null ? null : o.notes(), d.notes());
    EncounterRecords.diff(f, "orderId", o == null ? null : o.orderId(), d.orderId());
    EncounterRecords.diff(f, "accession", o == null ? null : o.accession(), d.accession());
    return f;
  }
}
