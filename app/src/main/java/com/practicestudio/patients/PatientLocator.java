package com.practicestudio.patients;

import com.practicestudio.web.ConflictException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds the stored patient an input's business identifiers name: its external id, its MRN and its
 * other identifiers, each resolved to the survivor of any merge. They must all agree.
 */
@Component
class PatientLocator {

  /**
   * @param viaMergedExternalId the external id belongs to a record merged into the survivor (the
   *     survivor keeps its own)
   * @param viaMergedMrn the MRN is the primary MRN of a record merged into the survivor (the
   *     survivor keeps its own primary MRN)
   */
  record Match(long survivorId, boolean viaMergedExternalId, boolean viaMergedMrn) {}

  private final PatientRepository patients;

  PatientLocator(PatientRepository patients) {
    this.patients = patients;
  }

  /**
   * The match, or null when no stored patient carries any of the identifiers.
   *
   * @param lookup where the identifiers are looked up (all of them in one query)
   */
  Match locate(PatientInput in, PatientLookup lookup) {
    Set<Long> found = new LinkedHashSet<>();
    boolean viaMerged = false;
    String externalId = PatientValidator.clean(in.externalId());
    if (externalId != null) {
      Optional<Patient> holder =
          patients
              .holderOfExternalId(externalId)
              .flatMap(id -> patients.find(id, PatientRepository.SsnPolicy.NONE));
      if (holder.isPresent()) {
        found.add(holder.get().merged() ? holder.get().mergedIntoId() : holder.get().id());
        viaMerged = holder.get().merged();
      }
    }
    List<PatientIdentifier> identifiers = in.identifiers() == null ? List.of() : in.identifiers();
    String mrn = PatientValidator.clean(in.mrn());
    List<PatientIdentifier> keys = new ArrayList<>();
    if (mrn != null) {
      String authority =
          identifiers.stream()
              .filter(i -> i != null && PatientIdentifier.MRN.equals(i.type()))
              .filter(i -> mrn.equals(PatientValidator.clean(i.value())))
              // an MRN without an assigning authority is a null here, which findFirst refuses
              .map(i -> Optional.ofNullable(PatientValidator.clean(i.assigningAuthority())))
              .findFirst()
              .flatMap(a -> a)
              .orElse(null);
      keys.add(new PatientIdentifier(PatientIdentifier.MRN, mrn, authority, null));
    }
    for (PatientIdentifier i : identifiers) {
      String type = i == null ? null : PatientValidator.clean(i.type());
      String value = i == null ? null : PatientValidator.clean(i.value());
      if (type != null && value != null) {
        keys.add(
            new PatientIdentifier(
                type, value, PatientValidator.clean(i.assigningAuthority()), null));
      }
    }
    lookup.read(keys);
    for (PatientIdentifier key : keys) {
      found.addAll(lookup.survivors(key.type(), key.value(), key.assigningAuthority()));
    }
    if (found.size() > 1) {
      throw new ConflictException(
          "the input's identifiers name different patients " + found + "; merge them first");
    }
    if (found.isEmpty()) {
      return null;
    }
    long survivor = found.iterator().next();
    return new Match(survivor, viaMerged, mrn != null && lookup.mergedRecordHasMrn(mrn, survivor));
  }
}
