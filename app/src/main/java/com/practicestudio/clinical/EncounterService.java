package com.practicestudio.clinical;

import com.practicestudio.db.TransactionMemo;
import com.practicestudio.patients.RecordReferences;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.FieldChecks;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Encounters: create, replace, find by FIN, search. Writes are audited in their transaction. */
@Service
public class EncounterService {

  /** Encounter classes (FHIR v3 ActCode, spelled out; HL7 PV1-2 maps onto them). */
  public static final List<String> CLASSES =
      List.of(
          "inpatient",
          "outpatient",
          "ambulatory",
          "emergency",
          "observation",
          "preadmit",
          "recurring",
          "home-health",
          "virtual",
          "unknown");

  /** FHIR R4 Encounter status values. */
  public static final List<String> STATUSES =
      List.of(
          "planned",
          "arrived",
          "triaged",
          "in-progress",
          "onleave",
          "finished",
          "cancelled",
          "entered-in-error",
          "unknown");

  private final EncounterRepository encounters;
  private final RecordReferences references;
  private final AuditLog audit;
  private final Clock clock;

  EncounterService(
      EncounterRepository encounters, RecordReferences references, AuditLog audit, Clock clock) {
    this.encounters = encounters;
    this.references = references;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates an encounter; a FIN already used under the same authority answers 409. */
  @Transactional
  public Encounter create(EncounterDraft draft) {
    return create(draft, KnownReferences.NONE);
  }

  /** Creates an encounter, not looking up again the references the caller {@code known}. */
  @Transactional
  public Encounter create(EncounterDraft draft, KnownReferences known) {
    EncounterDraft checked = check(draft, known);
    Encounter created = encounters.insert(checked, clock.instant());
    audit.record(
        AuditAction.RECORD_CREATE,
        "encounter",
        created.id(),
        Map.of("patientId", checked.patientId()));
    return created;
  }

  @Transactional
  public Encounter update(long id, EncounterDraft draft) {
    Encounter current = byId(id);
    if (draft.version() != null && draft.version() != current.version()) {
      throw new ConflictException(
          "encounter " + id + " is at version " + current.version() + ", not " + draft.version());
    }
    EncounterDraft checked = check(draft, KnownReferences.NONE);
    if (!encounters.update(id, checked, current.version(), clock.instant())) {
      throw new ConflictException("encounter " + id + " changed meanwhile");
    }
    audit.record(
        AuditAction.RECORD_UPDATE, "encounter", id, Map.of("patientId", checked.patientId()));
    return byId(id);
  }

  public Encounter byId(long id) {
    return encounters.find(id).orElseThrow(() -> new NotFoundException("encounter", id));
  }

  /** By FIN; a null authority means the default (empty) one. */
  public Optional<Encounter> findByFin(String assigningAuthority, String fin) {
    Optional<Encounter> ahead = TransactionMemo.take(Fin.of(assigningAuthority, fin));
    return ahead != null ? ahead : encounters.findByFin(assigningAuthority, fin);
  }

  /** A FIN and its assigning authority ({@code ""}: the default one). */
  public record Fin(String assigningAuthority, String value) {

    public static Fin of(String assigningAuthority, String value) {
      return new Fin(assigningAuthority == null ? "" : assigningAuthority, value);
    }

    @Override
    public String toString() {
      return "Fin[" + assigningAuthority + "]"; // the FIN is PHI
    }
  }

  /**
   * Reads, in one statement, the encounters of a group of FINs that each will be asked once by
   * {@link #findByFin} in this transaction (see {@link com.practicestudio.journal.ReadAhead}). A
   * FIN given twice is not read ahead: the first record's write could change what the second reads.
   */
  public void readAhead(List<Fin> fins) {
    Map<Fin, Long> given =
        fins.stream().collect(Collectors.groupingBy(f -> f, Collectors.counting()));
    List<Fin> once =
        given.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey).toList();
    if (once.isEmpty() || !TransactionMemo.active()) {
      return;
    }
    Map<Fin, Encounter> found = encounters.findByFins(once);
    once.forEach(fin -> TransactionMemo.readAhead(fin, Optional.ofNullable(found.get(fin))));
  }

  /** By id, ascending. */
  public Page<Encounter> search(EncounterQuery query, int limit, String cursor) {
    FieldChecks checks = new FieldChecks();
    checks.oneOf("status", query.status(), STATUSES);
    checks.oneOf("encounterClass", query.encounterClass(), CLASSES);
    if (query.from() != null && query.to() != null) {
      checks.check(query.to().isAfter(query.from()), "to", "must be after from");
    }
    checks.throwIfAny();
    return Cursor.page(
        encounters.search(query, cursor, limit + 1), limit, e -> Long.toString(e.id()));
  }

  private EncounterDraft check(EncounterDraft d, KnownReferences known) {
    FieldChecks checks = new FieldChecks();
    checks.required("patientId", d.patientId());
    if (!known.patient(d.patientId())) {
      references.patient(checks, "patientId", d.patientId());
    }
    if (!known.location(d.locationId())) {
      references.location(checks, "locationId", d.locationId());
    }
    if (!known.attendingProvider(d.attendingProviderId())) {
      references.provider(checks, "attendingProviderId", d.attendingProviderId());
    }
    checks.required("encounterClass", d.encounterClass());
    String encounterClass = checks.oneOf("encounterClass", d.encounterClass(), CLASSES);
    checks.required("status", d.status());
    String status = checks.oneOf("status", d.status(), STATUSES);
    if (d.admitTime() != null && d.dischargeTime() != null) {
      checks.check(
          !d.dischargeTime().isBefore(d.admitTime()),
          "dischargeTime",
          "must not be before admitTime");
    }
    String authority = checks.text("finAssigningAuthority", d.finAssigningAuthority(), 100);
    EncounterDraft checked =
        new EncounterDraft(
            checks.text("externalId", d.externalId(), 200),
            d.patientId(),
            checks.text("fin", d.fin(), 100),
            authority == null ? "" : authority,
            checks.text("visitNumber", d.visitNumber(), 100),
            encounterClass,
            status,
            d.locationId(),
            d.attendingProviderId(),
            d.admitTime(),
            d.dischargeTime(),
            checks.text("reason", d.reason(), 2000),
            null);
    checks.throwIfAny();
    return checked;
  }
}
