package com.practicestudio.billing;

import com.practicestudio.web.FieldChecks;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that the patients, providers, encounters and coverages a billing record names exist and
 * belong together (plain SQL on the patients and clinical tables).
 */
@Component
class BillingReferences {

  private final JdbcClient jdbc;

  BillingReferences(JdbcClient jdbc) {
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

  void remittance(FieldChecks checks, String field, Long id) {
    if (id != null && !exists("remittance", id)) {
      checks.problem(field, "names no remittance");
    }
  }

  /** Encounters, coverages and claims must exist and be the same patient's. */
  void ownedBy(FieldChecks checks, String field, String table, Long id, Long patientId) {
    if (id == null) {
      return;
    }
    Optional<Long> owner =
        jdbc.sql("SELECT patient_id FROM " + table + " WHERE id = ?")
            .param(id)
            .query(Long.class)
            .optional();
    if (owner.isEmpty()) {
      checks.problem(field, "names no " + table.replace("patient_", ""));
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
