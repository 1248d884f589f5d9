package com.practicestudio.patients;

import com.practicestudio.patients.PatientChildRepository.IdentifierHolder;
import com.practicestudio.patients.PatientRepository.SsnPolicy;
import com.practicestudio.web.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored identifiers a set of business identifiers names, read in one query and then asked as
 * often as a write needs (finding the patient, checking that nobody else holds an identifier). An
 * identifier it was not given is looked up when first asked. Valid inside the transaction that made
 * it, until that transaction writes identifiers or merges patients: make a new one then.
 */
public final class PatientLookup {

  private final PatientChildRepository children;
  private final PatientRepository patients;
  private final List<PatientIdentifier> covered = new ArrayList<>();
  private final List<IdentifierHolder> rows = new ArrayList<>();

  /** The survivor read ahead and locked with its group, until {@link #takeLocked} hands it out. */
  private Locked locked;

  PatientLookup(PatientChildRepository children, PatientRepository patients) {
    this.children = children;
    this.patients = patients;
  }

  /**
   * The survivor an upsert will update, locked and read ahead with its group (see {@link
   * PatientReadAhead}).
   *
   * @param current as read with {@code shown}
   * @param ssn the stored SSN, opened; null when none
   * @param mergedMrns the primary MRNs of the records merged into it
   */
  record Locked(Patient current, SsnPolicy shown, String ssn, Set<String> mergedMrns) {

    @Override
    public String toString() {
      return "Locked[" + current.id() + "]"; // the rest is PHI
    }
  }

  /** A lookup whose keys were read with others' (these rows are the ones they name). */
  static PatientLookup readAhead(
      PatientChildRepository children,
      PatientRepository patients,
      List<PatientIdentifier> keys,
      List<IdentifierHolder> rows,
      Locked locked) {
    PatientLookup lookup = new PatientLookup(children, patients);
    lookup.covered.addAll(keys);
    lookup.rows.addAll(rows);
    lookup.locked = locked;
    return lookup;
  }

  /**
   * The survivor {@code id} as read ahead with its group, locked, when it was and was read with
   * {@code shown}; handed out once (after it the upsert writes), else null: read it.
   */
  Locked takeLocked(long id, SsnPolicy shown) {
    Locked ahead = lockedFor(id);
    if (ahead == null || ahead.shown() != shown) {
      return null;
    }
    locked = null;
    return ahead;
  }

  /** The survivor {@code id} read ahead and not handed out yet; null when none. */
  private Locked lockedFor(long id) {
    return locked != null && locked.current().id() == id ? locked : null;
  }

  /** Whether a record merged into {@code survivorId} has {@code mrn} as its primary MRN. */
  boolean mergedRecordHasMrn(String mrn, long survivorId) {
    Locked ahead = lockedFor(survivorId);
    return ahead != null
        ? ahead.mergedMrns().contains(mrn)
        : patients.mergedRecordHasMrn(mrn, survivorId);
  }

  /**
   * Reads, in one query, the identifiers these keys name (a null type or authority: any) that are
   * not read yet.
   */
  PatientLookup read(List<PatientIdentifier> keys) {
    List<PatientIdentifier> missing = new ArrayList<>();
    for (PatientIdentifier key : keys) {
      if (key.value() != null && !covers(covered, key) && !covers(missing, key)) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      rows.addAll(children.holders(missing));
      covered.addAll(missing);
    }
    return this;
  }

  /**
   * The survivor the MRN names, as {@link PatientService#findByMrn} finds it: under this authority
   * or, when none holds it so, stored without one; any authority when null, else the survivor of
   * the record whose primary MRN it is.
   *
   * @throws ConflictException when it names more than one patient
   */
  public Optional<Long> byMrn(String mrn, String assigningAuthority) {
    String value = PatientValidator.clean(mrn);
    if (value == null) {
      return Optional.empty();
    }
    String authority = PatientValidator.clean(assigningAuthority);
    read(mrnKeys(value, authority));
    List<Long> ids = survivors(PatientIdentifier.MRN, value, authority);
    if (ids.isEmpty() && authority != null) {
      ids = survivors(PatientIdentifier.MRN, value, "");
    }
    if (ids.isEmpty() && authority == null) {
      ids = patients.survivorsByPrimaryMrn(value);
    }
    return single(ids, "the MRN");
  }

  /**
   * The survivor holding this identifier, as {@link PatientService#findByIdentifier} finds it; a
   * null type or authority: any.
   *
   * @throws ConflictException when it names more than one patient
   */
  public Optional<Long> byIdentifier(String type, String value, String assigningAuthority) {
    String v = PatientValidator.clean(value);
    if (v == null) {
      return Optional.empty();
    }
    return single(
        survivors(PatientValidator.clean(type), v, PatientValidator.clean(assigningAuthority)),
        "the identifier");
  }

  /** The primary MRN of this (surviving) patient; null when it has none. */
  public String primaryMrn(long survivorId) {
    Locked ahead = lockedFor(survivorId);
    return ahead != null ? ahead.current().mrn() : patients.primaryMrn(survivorId);
  }

  /**
   * Survivors of the patients holding an identifier with this value, ascending; a null type or
   * authority matches any ({@code ""} is the stored "no authority").
   */
  List<Long> survivors(String type, String value, String authority) {
    PatientIdentifier key = new PatientIdentifier(type, value, authority, null);
    read(List.of(key));
    TreeSet<Long> ids = new TreeSet<>();
    rows.stream().filter(r -> matches(key, r)).forEach(r -> ids.add(r.survivorId()));
    return List.copyOf(ids);
  }

  /** Reads, in one query, who holds exactly these identifiers (for {@link #holder}). */
  PatientLookup readExact(List<PatientIdentifier> identifiers) {
    return read(identifiers.stream().map(PatientLookup::exactKey).toList());
  }

  /** The patient (merged or not) holding exactly this identifier (a null authority: none). */
  Optional<Long> holder(PatientIdentifier identifier) {
    PatientIdentifier key = exactKey(identifier);
    read(List.of(key));
    return rows.stream().filter(r -> matches(key, r)).map(IdentifierHolder::patientId).findFirst();
  }

  /** The key of exactly this identifier ({@code ""}: stored without authority). */
  private static PatientIdentifier exactKey(PatientIdentifier i) {
    String authority = i.assigningAuthority() == null ? "" : i.assigningAuthority();
    return new PatientIdentifier(i.type(), i.value(), authority, null);
  }

  /** The keys {@link #byMrn} reads. */
  static List<PatientIdentifier> mrnKeys(String mrn, String authority) {
    PatientIdentifier given = new PatientIdentifier(PatientIdentifier.MRN, mrn, authority, null);
    return authority == null
        ? List.of(given)
        : List.of(given, new PatientIdentifier(PatientIdentifier.MRN, mrn, "", null));
  }

  private static Optional<Long> single(List<Long> ids, String what) {
    if (ids.size() > 1) {
      throw new ConflictException(what + " names " + ids.size() + " patients: " + ids);
    }
    return ids.stream().findFirst();
  }

  /** Whether the stored {@code row} is one that {@code key} names. */
  static boolean matches(PatientIdentifier key, IdentifierHolder row) {
    return key.value().equals(row.value())
        && (key.type() == null || key.type().equals(row.type()))
        && (key.assigningAuthority() == null
            || key.assigningAuthority().equals(row.assigningAuthority()));
  }

  /** Whether a key read finds every identifier {@code key} names. */
  private static boolean covers(List<PatientIdentifier> read, PatientIdentifier key) {
    return read.stream()
        .anyMatch(
            r ->
                r.value().equals(key.value())
                    && (r.type() == null || r.type().equals(key.type()))
                    && (r.assigningAuthority() == null
                        || r.assigningAuthority().equals(key.assigningAuthority())));
  }

  @Override
  public String toString() {
    return "PatientLookup[" + covered.size() + " keys]"; // the values are PHI
  }
}
