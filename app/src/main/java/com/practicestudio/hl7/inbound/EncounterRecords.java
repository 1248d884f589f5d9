package com.practicestudio.hl7.inbound;

import com.practicestudio.clinical.Encounter;
import com.practicestudio.clinical.EncounterDraft;
import com.practicestudio.clinical.EncounterService;
import com.practicestudio.clinical.KnownReferences;
import com.practicestudio.hl7.inbound.Fields.Cx;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.hl7v2.ValueState;
import com.practicestudio.patients.Patient;
import com.practicestudio.web.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Encounters, keyed by the FIN (PID-18, with its assigning authority). ADT A01/A04/A08 create or
 * update the encounter from PV1: class PV1-2, location PV1-3, attending provider PV1-7, visit
 * number PV1-19, admit and discharge times PV1-44/PV1-45, admit reason PV2-3. The other message
 * types only link their records to the encounter when it is known. A message without a FIN creates
 * no encounter.
 */
@Component
class EncounterRecords {

  private static final Map<String, String> CLASSES =
      Map.of(
          "I", "inpatient",
          "O", "outpatient",
          "E", "emergency",
          "P", "preadmit",
          "R", "recurring",
          "B", "inpatient",
          "C", "ambulatory",
          "N", "unknown",
          "U", "unknown");

  private static final Map<String, String> FIELDS =
      Map.of(
          "fin", "PID-18",
          "finAssigningAuthority", "PID-18.4",
          "visitNumber", "PV1-19",
          "encounterClass", "PV1-2",
          "locationId", "PV1-3",
          "attendingProviderId", "PV1-7",
          "admitTime", "PV1-44",
          "dischargeTime", "PV1-45",
          "reason", "PV2-3");

  private final EncounterService encounters;
  private final LocationResolver locations;
  private final ProviderResolver providers;

  EncounterRecords(
      EncounterService encounters, LocationResolver locations, ProviderResolver providers) {
    this.encounters = encounters;
    this.locations = locations;
    this.providers = providers;
  }

  /** The FIN in PID-18 with its pool as the code maps name it, or null. */
  static Cx fin(Segment pid, CodeTranslator codes) {
    Cx fin = Fields.cx(pid, 18, 1);
    return fin.value() == null ? null : codes.identifier(fin);
  }

  /** The known encounter of this FIN, when it is the patient's. */
  Optional<Long> link(Inbound in, Segment pid, long patientId) {
    Cx fin = fin(pid, in.codes());
    if (fin == null) {
      return Optional.empty();
    }
    return encounters
        .findByFin(fin.authority(), fin.value())
        .filter(e -> e.patientId() == patientId)
        .map(Encounter::id);
  }

  /**
   * Creates or updates the FIN's encounter from PV1; nothing without a FIN or a PV1.
   *
   * @param patient the patient as this message just stored it
   */
  void upsert(Inbound in, Segment pid, Patient patient) {
    Cx fin = fin(pid, in.codes());
    Optional<Segment> pv1 = in.message().segment("PV1");
    if (fin == null || pv1.isEmpty()) {
      return;
    }
    long patientId = patient.id();
    Optional<Encounter> existing = encounters.findByFin(fin.authority(), fin.value());
    if (existing.isPresent() && existing.get().patientId() != patientId) {
      throw Hl7HandlerError.PATIENT_CONFLICT.failure(
          "PID-18 names an encounter of another patient");
    }
    Segment visit = pv1.get();
    // resolved (found or created) in this transaction: the service need not look them up again
    Optional<Long> location =
        valued(visit, 3) ? locations.resolve(in, Fields.pl(visit, 3)) : Optional.empty();
    Optional<Long> attending =
        valued(visit, 7) ? providers.resolve(in, Fields.xcn(visit, 7, 1)) : Optional.empty();
    EncounterDraft draft =
        draft(in, visit, fin, patientId, existing.orElse(null), location, attending);
    KnownReferences known =
        new KnownReferences(
            patient.merged() ? null : patientId, location.orElse(null), attending.orElse(null));
    try {
      if (existing.isEmpty()) {
        Encounter created = encounters.create(draft, known);
        in.created("encounter", created.id(), changed(null, draft));
      } else {
        List<String> changed = changed(existing.get(), draft);
        if (!changed.isEmpty()) {
          encounters.update(existing.get().id(), draft);
          in.updated("encounter", existing.get().id(), changed);
        }
      }
    } catch (InvalidRequestException e) {
      throw RefusedValues.failure(e, FIELDS);
    }
  }

  private EncounterDraft draft(
      Inbound in,
      Segment pv1,
      Cx fin,
      long patientId,
      Encounter current,
      Optional<Long> resolvedLocation,
      Optional<Long> resolvedAttending) {
    Long locationId =
        Fields.replaceOrKeep(
            pv1, 3, resolvedLocation.orElse(null), current == null ? null : current.locationId());
    Long attending =
        Fields.replaceOrKeep(
            pv1,
            7,
            resolvedAttending.orElse(null),
            current == null ? null : current.attendingProviderId());
    Instant admit = time(in, pv1, 44, locationId, current == null ? null : current.admitTime());
    Instant discharge =
        time(in, pv1, 45, locationId, current == null ? null : current.dischargeTime());
    String visit =
        Fields.replaceOrKeep(
            pv1, 19, Fields.text(pv1, 19, 1), current == null ? null : current.visitNumber());
    String reason = current == null ? null : current.reason();
    Optional<Segment> pv2 = in.message().segment("PV2");
    if (pv2.isPresent()) {
      reason = Fields.replaceOrKeep(pv2.get(), 3, admitReason(pv2.get()), reason);
    }
    String encounterClass = encounterClass(Fields.text(pv1, 2));
    if (encounterClass == null) {
      encounterClass = current == null ? "unknown" : current.encounterClass();
    }
    return new EncounterDraft(
        current == null ? null : current.externalId(),
        patientId,
        fin.value(),
        fin.authority(),
        visit,
        encounterClass,
        status(in.trigger(), encounterClass, discharge, current),
        locationId,
        attending,
        admit,
        discharge,
        reason,
        null);
  }

  private static boolean valued(Segment pv1, int field) {
    return Fields.state(pv1, field) == ValueState.VALUED;
  }

  private static Instant time(Inbound in, Segment pv1, int field, Long location, Instant current) {
    ValueState state = Fields.state(pv1, field);
    if (state == ValueState.NULL) {
      return null;
    }
    return state == ValueState.VALUED
        ? in.times().instant(pv1, field, 1, location, "PV1-" + field)
        : current;
  }

  /** PV2-3: the admit reason's text, else its code. */
  private static String admitReason(Segment pv2) {
    String text = Fields.text(pv2, 3, 2);
    return text != null ? text : Fields.text(pv2, 3, 1);
  }

  /** PV1-2 (HL7 table 0004) as an encounter class; null when not sent. */
  static String encounterClass(String code) {
    if (code == null) {
      return null;
    }
    String c = code.strip().toUpperCase(Locale.ROOT);
    String mapped = CLASSES.get(c);
    if (mapped != null) {
      return mapped;
    }
    for (String name : EncounterService.CLASSES) {
      if (name.equalsIgnoreCase(c)) {
        return name;
      }
    }
    return "unknown";
  }

  private static String status(
      String trigger, String encounterClass, Instant discharge, Encounter current) {
    if (discharge != null) {
      return "finished";
    }
    if ("preadmit".equals(encounterClass)) {
      return "planned";
    }
    return switch (trigger) {
      case "A01" -> "in-progress";
      case "A04" -> "arrived";
      default -> current == null ? "in-progress" : current.status();
    };
  }

  private static List<String> changed(Encounter e, EncounterDraft d) {
    List<String> fields = new ArrayList<>();
    diff(fields, "visitNumber", e == null ? null : e.visitNumber(), d.visitNumber());
    diff(fields, "encounterClass", e == null ? null : e.encounterClass(), d.encounterClass());
    diff(fields, "status", e == null ? null : e.status(), d.status());
    diff(fields, "locationId", e == null ? null : e.locationId(), d.locationId());
    diff(
        fields,
        "attendingProviderId",
        e == null ? null : e.attendingProviderId(),
        d.attendingProviderId());
    diff(fields, "admitTime", e == null ? null : e.admitTime(), d.admitTime());
    diff(fields, "dischargeTime", e == null ? null : e.dischargeTime(), d.dischargeTime());
    diff(fields, "reason", e == null ? null : e.reason(), d.reason());
    if (e == null) {
      fields.add(0, "fin");
    }
    return fields;
  }

  static void diff(List<String> fields, String name, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      fields.add(name);
    }
  }
}
