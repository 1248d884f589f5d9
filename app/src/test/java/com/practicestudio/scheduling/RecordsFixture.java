package com.practicestudio.scheduling;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Patients, providers, locations and coverages for tests of scheduling, clinical and billing,
 * inserted with plain SQL (the patients feature's services are not available on this branch). Every
 * row gets unique values: test contexts share one database.
 */
public final class RecordsFixture {

  private final JdbcClient jdbc;

  public RecordsFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long patient() {
    return jdbc.sql(
            "INSERT INTO patient (mrn, first_name, last_name, date_of_birth, gender)"
                + " VALUES (?, 'Test', ?, DATE '1970-01-01', 'U') RETURNING id")
        .params("MRN-" + unique(), "Patient-" + unique())
        .query(Long.class)
        .single();
  }

  public long provider() {
    return jdbc.sql("INSERT INTO provider (first_name, last_name) VALUES ('Test', ?) RETURNING id")
        .param("Provider-" + unique())
        .query(Long.class)
        .single();
  }

  public long location(String timeZone) {
    return jdbc.sql("INSERT INTO location (name, time_zone) VALUES (?, ?) RETURNING id")
        .params("Clinic " + unique(), timeZone)
        .query(Long.class)
        .single();
  }

  public long coverage(long patientId) {
    return jdbc.sql(
            "INSERT INTO patient_coverage (patient_id, insurer_name, insurer_id, member_id)"
                + " VALUES (?, 'Test Insurer', '87726', ?) RETURNING id")
        .params(patientId, "M" + unique())
        .query(Long.class)
        .single();
  }

  /** Marks {@code mergedId} as merged into {@code survivorId}, as the patients feature does. */
  public void merge(long mergedId, long survivorId) {
    jdbc.sql("UPDATE patient SET merged_into_id = ?, active = false WHERE id = ?")
        .params(survivorId, mergedId)
        .update();
  }

  public static String unique() {
    return UUID.randomUUID().toString().substring(0, 12);
  }
}
