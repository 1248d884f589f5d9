package com.practicestudio.patients;

import java.util.List;

/**
 * What an upsert did.
 *
 * @param patient the patient after the upsert (before it, for a preview); null for a preview that
 *     would create one
 * @param created whether a new patient was (or would be) created
 * @param changes the fields that changed (all given fields when created); empty when nothing did
 */
public record UpsertResult(Patient patient, boolean created, List<FieldChange> changes) {

  public boolean changed() {
    return created || !changes.isEmpty();
  }

  /** The names of the changed fields, for audit entries and journal notes (no values). */
  public List<String> changedFields() {
    return changes.stream().map(FieldChange::field).toList();
  }
}
