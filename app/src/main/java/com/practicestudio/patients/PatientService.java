package com.practicestudio.patients;

import com.practicestudio.db.TransactionMemo;
import com.practicestudio.patients.PatientRepository.SsnPolicy;
import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Patients: the API other features use. Reads for people ({@link #read}, {@link #search}) are
 * audited as PHI reads and carry the SSN only for users allowed PHI; {@code find…} methods are for
 * internal callers (channel handlers, matching) and carry at most the SSN's last four digits. Every
 * write is validated as a whole, runs in one transaction and is audited with the changed field
 * names (never values).
 */
@Service
public class PatientService {

  private final PatientRepository patients;
  private final PatientChildRepository children;
  private final PatientValidator validator;
  private final PatientMerger merger;
  private final PatientLocator locator;
  private final PatientReadAhead readAhead;
  private final PatientJson json;
  private final AuditLog audit;
  private final Clock clock;

  PatientService(
      PatientRepository patients,
      PatientChildRepository children,
      PatientValidator validator,
      PatientMerger merger,
      PatientLocator locator,
      PatientReadAhead readAhead,
      PatientJson json,
      AuditLog audit,
      Clock clock) {
    this.patients = patients;
    this.children = children;
    this.validator = validator;
    this.merger = merger;
    this.locator = locator;
    this.readAhead = readAhead;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
  }

  // ---- reads for internal callers (not audited; no SSN beyond its last four digits)

  /** The record with this id as stored (a merged record too: see {@link Patient#mergedIntoId}). */
  public Optional<Patient> find(long id) {
    return patients.find(id, SsnPolicy.LAST4);
  }

  /** The patient with this MRN (the survivor when it was merged); any authority when null. */
  public Optional<Patient> findByMrn(String mrn, String assigningAuthority) {
    return newLookup().byMrn(mrn, assigningAuthority).flatMap(this::find);
  }

  /** The patient with this Cerner PERSON_ID / FHIR id (the survivor when it was merged). */
  public Optional<Patient> findByExternalId(String externalId) {
    String value = PatientValidator.clean(externalId);
    return value == null
        ? Optional.empty()
        : patients.holderOfExternalId(value).flatMap(this::find).map(this::survivor);
  }

  /** The patient holding this identifier (the survivor when merged); null type/authority: any. */
  public Optional<Patient> findByIdentifier(String type, String value, String assigningAuthority) {
    return newLookup().byIdentifier(type, value, assigningAuthority).flatMap(this::find);
  }

  /**
   * Looks up, in one query, the patients an inbound record's identifiers name: its MRN (as {@link
   * #findByMrn} does) and its other identifiers. Ask it with {@link PatientLookup#byMrn} and {@link
   * PatientLookup#byIdentifier}, then hand it to {@link #upsert(PatientInput, Set, String,
   * PatientLookup)} in the same transaction.
   */
  public PatientLookup lookup(
      String mrn, String mrnAuthority, List<PatientIdentifier> identifiers) {
    List<PatientIdentifier> keys = lookupKeys(mrn, mrnAuthority, identifiers);
    PatientLookup ahead = TransactionMemo.take(new PatientReadAhead.Key(keys));
    return ahead != null ? ahead : newLookup().read(keys);
  }

  /** What {@link #lookup} asks about a group of inbound records, in one go. */
  public record LookupRequest(
      String mrn, String mrnAuthority, List<PatientIdentifier> identifiers) {

    @Override
    public String toString() {
      return "LookupRequest[" + identifiers.size() + " identifiers]"; // the values are PHI
    }
  }

  /**
   * Reads ahead, in this transaction, what upserting each of a group of independent records (by
   * {@link #lookup} and then {@link #upsert(PatientInput, Set, String, PatientLookup)}) will read,
   * in a few statements for them all, locking the patients they update; see {@link
   * PatientReadAhead}. Then each {@link #lookup} of one of them answers from it.
   */
  public void readAhead(List<LookupRequest> requests) {
    readAhead.read(
        requests.stream().map(r -> lookupKeys(r.mrn(), r.mrnAuthority(), r.identifiers())).toList(),
        writePolicy());
  }

  private static List<PatientIdentifier> lookupKeys(
      String mrn, String mrnAuthority, List<PatientIdentifier> identifiers) {
    List<PatientIdentifier> keys = new ArrayList<>();
    String value = PatientValidator.clean(mrn);
    if (value != null) {
      keys.addAll(PatientLookup.mrnKeys(value, PatientValidator.clean(mrnAuthority)));
    }
    for (PatientIdentifier i : identifiers) {
      String v = i == null ? null : PatientValidator.clean(i.value());
      if (v != null) {
        keys.add(
            new PatientIdentifier(
                PatientValidator.clean(i.type()),
                v,
                PatientValidator.clean(i.assigningAuthority()),
                null));
      }
    }
    return keys;
  }

  // ---- reads for people (audited)

  /** One patient for the current user, audited as a PHI read {@code via} the API, console, … */
  @Transactional
  public Patient read(long id, String via) {
    Patient p = patients.find(id, readPolicy()).orElseThrow(() -> notFound(id));
    audit.phiRead("patient", id, via);
    return p;
  }

  /** A page of patients for the current user; each one in it is audited as a PHI read. */
  @Transactional
  public Page<Patient> search(PatientQuery query, int limit, String cursor, String via) {
    List<Long> ids =
        patients.search(PatientSearchSql.of(query, Cursor.decodeId(cursor), limit + 1));
    Page<Long> page = Cursor.page(ids, limit, String::valueOf);
    List<Patient> items = patients.load(page.items(), readPolicy());
    audit.phiReads("patient", page.items(), via);
    return new Page<>(items, page.next());
  }

  /** The SSN ({@code NNN-NN-NNNN}) for a system caller that must send it on; audited. */
  @Transactional
  public Optional<String> revealSsn(long id, String via) {
    Optional<String> ssn = patients.ssn(id);
    audit.phiRead("patient", id, via);
    return ssn.map(s -> s.substring(0, 3) + "-" + s.substring(3, 5) + "-" + s.substring(5));
  }

  /** The merges this patient took part in, as survivor or as the merged record. */
  public List<PatientMerge> merges(long id) {
    find(id).orElseThrow(() -> notFound(id));
    return merger.history(id);
  }

  // ---- writes

  @Transactional
  public Patient create(PatientInput input) {
    return create(input, "api").patient();
  }

  /**
   * Replaces every field (null clears it), except the SSN: null keeps it unless {@code clearSsn}.
   *
   * @param expectedVersion the version the caller read; null skips the check (the input's {@code
   *     version} is used when this is null)
   */
  @Transactional
  public Patient replace(long id, PatientInput input, boolean clearSsn, Integer expectedVersion) {
    int version = patients.lock(id).orElseThrow(() -> notFound(id));
    Patient current = find(id).orElseThrow();
    if (current.merged()) {
      throw new ConflictException(
          "patient " + id + " was merged into patient " + current.mergedIntoId());
    }
    Integer expected = expectedVersion != null ? expectedVersion : input.version();
    if (expected != null && expected != version) {
      throw new ConflictException(
          "version " + expected + " is stale: the patient is at version " + version);
    }
    String ssn = patients.ssn(id).orElse(null);
    PatientData data = validator.validate(input, ssn, clearSsn);
    checkUnique(data, current, newLookup());
    apply(id, current, ssn, data, "api");
    return patients.find(id, writePolicy()).orElseThrow();
  }

  /** Applies a JSON merge patch (RFC 7386): absent members stay, null clears, others replace. */
  @Transactional
  public Patient patch(long id, JsonNode mergePatch, Integer expectedVersion) {
    patients.lock(id).orElseThrow(() -> notFound(id));
    Patient current = find(id).orElseThrow();
    JsonNode patched = PatientJson.mergePatch(json.tree(PatientInput.from(current)), mergePatch);
    PatientInput input = json.read(patched);
    Integer expected = expectedVersion;
    if (expected == null && mergePatch.path("version").isNumber()) {
      expected = mergePatch.get("version").intValue();
    }
    return replace(id, input, PatientJson.explicitNull(mergePatch, "ssn"), expected);
  }

  /**
   * Creates or updates the patient these business identifiers name — {@code externalId}, then the
   * MRN, then any other identifier (a merged record answers its survivor). Fields the input gives
   * replace the stored ones; fields named in {@code clear} (JSON names, e.g. {@code phoneWork},
   * {@code address}, {@code ssn}) are cleared; the rest stay. Identifiers are added, never dropped;
   * coverages given replace the stored list. Idempotent: applying the same input twice changes
   * nothing the second time.
   *
   * @param source what is applying it, for the audit trail (e.g. {@code HL7 ADT^A08})
   * @throws ConflictException when the identifiers name different patients
   */
  @Transactional
  public UpsertResult upsert(PatientInput input, Set<String> clear, String source) {
    return upsert(input, clear, source, newLookup());
  }

  /**
   * {@link #upsert(PatientInput, Set, String)} with the identifiers looked up already.
   *
   * @param lookup made by {@link #lookup} in this transaction, with nothing written since
   */
  @Transactional
  public UpsertResult upsert(
      PatientInput input, Set<String> clear, String source, PatientLookup lookup) {
    UpsertPlan plan = plan(input, clear, true, lookup, writePolicy());
    if (plan.id() == null) {
      return insert(plan.data(), source);
    }
    apply(plan.id(), plan.current(), plan.currentSsn(), plan.data(), source);
    // unchanged (a repeated A08, a re-sent A04): the record read for the plan is the answer
    Patient answer =
        plan.changes().isEmpty()
            ? plan.current()
            : patients.find(plan.id(), writePolicy()).orElseThrow();
    return new UpsertResult(answer, false, plan.changes());
  }

  /** What {@link #upsert} would do, without doing it (for dry runs and imports' review). */
  @Transactional(readOnly = true)
  public UpsertResult previewUpsert(PatientInput input, Set<String> clear) {
    UpsertPlan plan = plan(input, clear, false, newLookup(), SsnPolicy.LAST4);
    if (plan.id() == null) {
      return new UpsertResult(null, true, plan.changes());
    }
    return new UpsertResult(plan.current(), false, plan.changes());
  }

  /**
   * Merges {@code mergedId} into {@code survivorId} (see {@link PatientsMerged}); replaying a merge
   * that was done answers the same history row.
   *
   * @param exchangeId the journal row that asked for it, when any
   */
  @Transactional
  public PatientMerge merge(long survivorId, long mergedId, String source, Long exchangeId) {
    return merger.merge(survivorId, mergedId, source, exchangeId);
  }

  private UpsertResult create(PatientInput input, String source) {
    PatientData data = validator.validate(input, null, false);
    checkUnique(data, null, newLookup());
    return insert(data, source);
  }

  /** Stores a new patient from validated, unique data. */
  private UpsertResult insert(PatientData data, String source) {
    long id = patients.insert(data, clock.instant());
    audit.record(AuditAction.RECORD_CREATE, "patient", id, Map.of("source", source));
    return new UpsertResult(
        patients.find(id, writePolicy()).orElseThrow(), true, PatientDiff.created(data));
  }

  /** Stores validated data that passed {@link #checkUnique} over the current record. */
  private void apply(long id, Patient current, String ssn, PatientData data, String source) {
    PatientData before = PatientData.of(current, ssn);
    List<FieldChange> changes = PatientDiff.between(before, data);
    if (changes.isEmpty()) {
      return;
    }
    patients.update(id, before, data, clock.instant());
    audit.record(
        AuditAction.RECORD_UPDATE,
        "patient",
        id,
        Map.of("fields", changes.stream().map(FieldChange::field).toList(), "source", source));
  }

  /**
   * @param shown how the current record is read (and answered): the plan itself uses the SSN it
   *     reads apart, never the record's
   */
  private UpsertPlan plan(
      PatientInput input, Set<String> clear, boolean lock, PatientLookup lookup, SsnPolicy shown) {
    PatientLocator.Match match = locator.locate(input, lookup);
    if (match == null) {
      PatientData data = validator.validate(input, null, false);
      checkUnique(data, null, lookup);
      return new UpsertPlan(null, null, null, data, PatientDiff.created(data));
    }
    long id = match.survivorId();
    PatientLookup.Locked ahead = lock ? lookup.takeLocked(id, shown) : null;
    String ssn = ahead != null ? ahead.ssn() : patients.ssn(id, lock).orElse(null);
    Patient current = ahead != null ? ahead.current() : patients.find(id, shown).orElseThrow();
    PatientInput given = input;
    if (match.viaMergedExternalId()) {
      given = PatientOverlay.without(given, "externalId");
    }
    if (match.viaMergedMrn()) {
      given = PatientOverlay.without(given, "mrn");
    }
    PatientInput merged = PatientOverlay.apply(PatientInput.from(current), given, clear);
    PatientData data = validator.validate(merged, ssn, clear.contains("ssn"));
    checkUnique(data, current, lookup);
    List<FieldChange> changes = PatientDiff.between(PatientData.of(current, ssn), data);
    return new UpsertPlan(id, current, ssn, data, changes);
  }

  private record UpsertPlan(
      Long id, Patient current, String currentSsn, PatientData data, List<FieldChange> changes) {}

  /**
   * 409 when the external id or an identifier is held by another patient than {@code self} (null
   * for a new one). The identifiers {@code self} holds are its own and not looked up.
   */
  private void checkUnique(PatientData data, Patient self, PatientLookup lookup) {
    Long selfId = self == null ? null : self.id();
    if (data.externalId() != null) {
      patients
          .holderOfExternalId(data.externalId())
          .filter(holder -> !holder.equals(selfId))
          .ifPresent(
              holder -> {
                throw new ConflictException("externalId is already held by patient " + holder);
              });
    }
    List<PatientIdentifier> own = self == null ? List.of() : self.identifiers();
    List<PatientIdentifier> others =
        data.identifiers().stream().filter(i -> own.stream().noneMatch(i::sameKey)).toList();
    lookup.readExact(others);
    for (PatientIdentifier i : others) {
      Optional<Long> holder = lookup.holder(i).filter(h -> !h.equals(selfId));
      if (holder.isPresent()) {
        String field = PatientIdentifier.MRN.equals(i.type()) ? "mrn" : "identifiers";
        throw new ConflictException(
            field + ": a " + i.type() + " identifier is already held by patient " + holder.get());
      }
    }
  }

  private PatientLookup newLookup() {
    return new PatientLookup(children, patients);
  }

  private Patient survivor(Patient p) {
    return p.merged() ? find(p.mergedIntoId()).orElse(p) : p;
  }

  private static SsnPolicy readPolicy() {
    return Actor.can(Permission.PHI_READ) ? SsnPolicy.FULL : SsnPolicy.NONE;
  }

  private static SsnPolicy writePolicy() {
    return Actor.can(Permission.PHI_READ) ? SsnPolicy.LAST4 : SsnPolicy.NONE;
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("patient", id);
  }
}
