package com.practicestudio.patients;

import com.practicestudio.db.TransactionMemo;
import com.practicestudio.patients.PatientChildRepository.IdentifierHolder;
import com.practicestudio.patients.PatientLookup.Locked;
import com.practicestudio.patients.PatientRepository.SsnPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads what a group of upserts will read, in six statements for the whole group instead of about
 * seven for each: who holds their identifiers, then, locked in id order, each one's survivor with
 * its SSN, identifiers, coverages and merged records' MRNs. Each upsert's {@link
 * PatientService#lookup} then takes its own {@link PatientLookup}, which answers from what was read
 * here until the upsert writes.
 *
 * <p>Only independent upserts are read ahead: one whose identifier values another of the group also
 * gives, or whose survivor another also names, is left to read for itself, since the other's write
 * could change what it reads.
 */
@Component
class PatientReadAhead {

  /** The memo key under which an upsert's lookup of exactly these keys waits. */
  record Key(List<PatientIdentifier> keys) {}

  private final PatientRepository patients;
  private final PatientChildRepository children;

  PatientReadAhead(PatientRepository patients, PatientChildRepository children) {
    this.patients = patients;
    this.children = children;
  }

  /**
   * @param requests each upsert's lookup keys, as {@link PatientService#lookup} makes them
   * @param shown how the survivors will be read for the upserts' plans
   */
  void read(List<List<PatientIdentifier>> requests, SsnPolicy shown) {
    List<List<PatientIdentifier>> independent = withoutSharedValues(requests);
    if (independent.isEmpty() || !TransactionMemo.active()) {
      return;
    }
    Set<PatientIdentifier> union = new LinkedHashSet<>();
    independent.forEach(union::addAll);
    List<IdentifierHolder> holders = children.holders(List.copyOf(union));

    List<List<IdentifierHolder>> named = new ArrayList<>(independent.size());
    Map<Long, Integer> namedBy = new HashMap<>();
    for (List<PatientIdentifier> keys : independent) {
      List<IdentifierHolder> own =
          holders.stream()
              .filter(h -> keys.stream().anyMatch(k -> PatientLookup.matches(k, h)))
              .toList();
      named.add(own);
      own.stream()
          .map(IdentifierHolder::survivorId)
          .distinct()
          .forEach(id -> namedBy.merge(id, 1, Integer::sum));
    }
    Map<Long, Locked> locked = lockSurvivors(named, namedBy, shown);
    for (int i = 0; i < independent.size(); i++) {
      List<IdentifierHolder> own = named.get(i);
      Locked survivor = own.isEmpty() ? null : locked.get(own.get(0).survivorId());
      List<PatientIdentifier> keys = independent.get(i);
      TransactionMemo.readAhead(
          new Key(keys), PatientLookup.readAhead(children, patients, keys, own, survivor));
    }
  }

  /**
   * Locks and reads the survivors that exactly one upsert names, and that upsert alone (an upsert
   * naming two patients fails on its own, reading for itself).
   */
  private Map<Long, Locked> lockSurvivors(
      List<List<IdentifierHolder>> named, Map<Long, Integer> namedBy, SsnPolicy shown) {
    List<Long> ids = new ArrayList<>();
    for (List<IdentifierHolder> own : named) {
      Set<Long> survivors = new HashSet<>();
      own.forEach(h -> survivors.add(h.survivorId()));
      if (survivors.size() == 1) {
        long id = survivors.iterator().next();
        if (namedBy.get(id) == 1) {
          ids.add(id);
        }
      }
    }
    if (ids.isEmpty()) {
      return Map.of();
    }
    Long[] array = ids.toArray(Long[]::new);
    Map<Long, String> ssns = patients.lockAndReadSsns(array);
    Map<Long, Set<String>> mergedMrns = patients.mergedRecordMrns(array);
    Map<Long, Locked> locked = new HashMap<>();
    for (Patient p : patients.load(ids, shown)) {
      if (ssns.containsKey(p.id())) {
        locked.put(
            p.id(),
            new Locked(p, shown, ssns.get(p.id()), mergedMrns.getOrDefault(p.id(), Set.of())));
      }
    }
    return locked;
  }

  /** The requests none of whose identifier values another request gives. */
  private static List<List<PatientIdentifier>> withoutSharedValues(
      List<List<PatientIdentifier>> requests) {
    Map<String, Integer> givenBy = new HashMap<>();
    for (List<PatientIdentifier> keys : requests) {
      keys.stream()
          .map(PatientIdentifier::value)
          .distinct()
          .forEach(v -> givenBy.merge(v, 1, Integer::sum));
    }
    return requests.stream()
        .filter(keys -> !keys.isEmpty())
        .filter(keys -> keys.stream().allMatch(k -> givenBy.get(k.value()) == 1))
        .toList();
  }
}
