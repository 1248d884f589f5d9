package com.practicestudio.patients;

import com.practicestudio.web.FieldChecks;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the references a record carries (patient, provider, location, encounter, coverage, …)
 * before it is written, adding a problem naming the field for each one that is wrong. One cheap
 * query per reference; used by scheduling, clinical and billing.
 */
@Component
public class RecordReferences {

  /** Tables whose rows belong to one patient (column {@code patient_id}). */
  private static final Set<String> PATIENT_OWNED =
      Set.of("encounter", "patient_coverage", "claim", "appointment", "observation");

  /** Tables that may be named by id. */
  private static final Set<String> NAMED =
      Set.of("provider", "location", "remittance", "encounter", "claim", "charge");

  private final JdbcClient jdbc;

  RecordReferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The patient must exist and not be merged into another. */
  public void patient(FieldChecks checks, String field, Long id) {
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

  public void provider(FieldChecks checks, String field, Long id) {
    exists(checks, field, "provider", id);
  }

  public void location(FieldChecks checks, String field, Long id) {
    exists(checks, field, "location", id);
  }

  /** A row of {@code table} with this id must exist. */
  public void exists(FieldChecks checks, String field, String table, Long id) {
    if (id == null) {
      return;
    }
    if (!NAMED.contains(table)) {
      throw new IllegalArgumentException("not a table records refer to: " + table);
    }
    boolean found =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?)")
            .param(id)
            .query(Boolean.class)
            .single();
    if (!found) {
      checks.problem(field, "names no " + table);
    }
  }

  /** A row of {@code table} must exist and belong to the record's patient. */
  public void ownedBy(FieldChecks checks, String field, String table, Long id, Long patientId) {
    if (id == null) {
      return;
    }
    if (!PATIENT_OWNED.contains(table)) {
      throw new IllegalArgumentException("not a table of patient records: " + table);
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
}
