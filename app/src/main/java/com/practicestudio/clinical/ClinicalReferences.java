package com.practicestudio.clinical;

import com.practicestudio.web.FieldChecks;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that the patients, providers, locations and encounters a clinical record names exist
 * (plain SQL on the patients feature's tables, until its services can be used here).
 */
@Component
class ClinicalReferences {

  private final JdbcClient jdbc;

  ClinicalReferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void patient(FieldChecks checks, String field, Long id) {
    if (id == null) {
      return;
    }
    Optional<Boolean> merged =
        jdbc.sql("SELECT merged_into_id IS NOT NULL FROM patient WHERE id = ?")
            .param(id)
            .query(Boolean.class)
            .optional();
    if (merged.isEmpty()) {
      checks.problem(field, "names no patient");
    } else if (merged.get()) {
      checks.problem(field, "names a merged patient; use the surviving patient");
    }
  }

  void provider(FieldChecks checks, String field, Long id) {
    if (id != null && !exists("provider", id)) {
      checks.problem(field, "names no provider");
    }
  }

  void location(FieldChecks checks, String field, Long id) {
    if (id != null && !exists("location", id)) {
      checks.problem(field, "names no location");
    }
  }

  /** The encounter must exist and belong to the record's patient. */
  void encounter(FieldChecks checks, String field, Long id, Long patientId) {
    if (id == null) {
      return;
    }
    Optional<Long> owner =
        jdbc.sql("SELECT patient_id FROM encounter WHERE id = ?")
            .param(id)
            .query(Long.class)
            .optional();
    if (owner.isEmpty()) {
      checks.problem(field, "names no encounter");
    } else if (patientId != null && !owner.get().equals(patientId)) {
      checks.problem(field, "belongs to another patient");
    }
  }

  private boolean exists(String table, long id) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?)")
        .param(id)
        .query(Boolean.class)
        .single();
  }
}
