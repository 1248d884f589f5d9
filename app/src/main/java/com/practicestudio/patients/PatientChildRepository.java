package com.practicestudio.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A patient's identifiers and coverages. */
@Repository
class PatientChildRepository {

  private final JdbcClient jdbc;

  PatientChildRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<Long, List<PatientIdentifier>> identifiers(Long[] patientIds) {
    Map<Long, List<PatientIdentifier>> byPatient = new HashMap<>();
    jdbc.sql(
            """
            SELECT * FROM patient_identifier WHERE patient_id = ANY(?)
             ORDER BY patient_id, type, assigning_authority, value
            """)
        .param(patientIds)
        .query(
            (rs, n) -> {
              byPatient
                  .computeIfAbsent(rs.getLong("patient_id"), k -> new ArrayList<>())
                  .add(identifier(rs));
              return null;
            })
        .list();
    return byPatient;
  }

  Map<Long, List<Coverage>> coverages(Long[] patientIds) {
    Map<Long, List<Coverage>> byPatient = new HashMap<>();
    jdbc.sql("SELECT * FROM patient_coverage WHERE patient_id = ANY(?) ORDER BY patient_id, id")
        .param(patientIds)
        .query(
            (rs, n) -> {
              byPatient
                  .computeIfAbsent(rs.getLong("patient_id"), k -> new ArrayList<>())
                  .add(coverage(rs));
              return null;
            })
        .list();
    byPatient.replaceAll((id, list) -> list.stream().sorted(PatientData.COVERAGE_ORDER).toList());
    return byPatient;
  }

  /** Replaces a patient's identifiers and coverages with these. */
  void replace(
      long patientId, List<PatientIdentifier> identifiers, List<Coverage> coverages, Instant now) {
    Timestamp at = Timestamp.from(now);
    jdbc.sql("DELETE FROM patient_identifier WHERE patient_id = ?").param(patientId).update();
    for (PatientIdentifier i : identifiers) {
      jdbc.sql(
              """
              INSERT INTO patient_identifier (patient_id, type, value, assigning_authority, system, created_at)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(
              patientId,
              i.type(),
              i.value(),
              i.assigningAuthority() == null ? "" : i.assigningAuthority(),
              i.system(),
              at)
          .update();
    }
    jdbc.sql("DELETE FROM patient_coverage WHERE patient_id = ?").param(patientId).update();
    for (Coverage c : coverages) {
      jdbc.sql(
              """
              INSERT INTO patient_coverage (patient_id, priority, insurer_name, insurer_id, plan_name,
                  member_id, group_number, subscriber_name, relationship, effective_date, expiration_date,
                  created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              patientId,
              c.priority(),
              c.insurerName(),
              c.insurerId(),
              c.planName(),
              c.memberId(),
              c.groupNumber(),
              c.subscriberName(),
              c.relationship(),
              c.effectiveDate(),
              c.expirationDate(),
              at,
              at)
          .update();
    }
  }

  /**
   * Which patients hold identifiers with these keys (type, authority, value): key as {@link
   * PatientValidator#key} to patient id.
   */
  Map<String, Long> holders(List<PatientIdentifier> identifiers) {
    Map<String, Long> holders = new HashMap<>();
    for (PatientIdentifier i : identifiers) {
      jdbc.sql(
              "SELECT patient_id FROM patient_identifier"
                  + " WHERE type = ? AND assigning_authority = ? AND value = ?")
          .params(i.type(), i.assigningAuthority() == null ? "" : i.assigningAuthority(), i.value())
          .query(Long.class)
          .optional()
          .ifPresent(id -> holders.put(PatientValidator.key(i), id));
    }
    return holders;
  }

  /**
   * Survivors of the patients holding an identifier with this value; {@code type} and {@code
   * assigningAuthority} narrow it when not null.
   */
  List<Long> survivorsByIdentifier(String type, String value, String assigningAuthority) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT DISTINCT coalesce(p.merged_into_id, p.id) FROM patient_identifier i"
                + " JOIN patient p ON p.id = i.patient_id WHERE i.value = ?");
    List<Object> params = new ArrayList<>(List.of(value));
    if (type != null) {
      sql.append(" AND i.type = ?");
      params.add(type);
    }
    if (assigningAuthority != null) {
      sql.append(" AND i.assigning_authority = ?");
      params.add(assigningAuthority);
    }
    return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
  }

  private static PatientIdentifier identifier(ResultSet rs) throws SQLException {
    String authority = rs.getString("assigning_authority");
    return new PatientIdentifier(
        rs.getString("type"),
        rs.getString("value"),
        authority == null || authority.isEmpty() ? null : authority,
        rs.getString("system"));
  }

  private static Coverage coverage(ResultSet rs) throws SQLException {
    return new Coverage(
        rs.getInt("priority"),
        rs.getString("insurer_name"),
        rs.getString("insurer_id"),
        rs.getString("plan_name"),
        rs.getString("member_id"),
        rs.getString("group_number"),
        rs.getString("subscriber_name"),
        rs.getString("relationship"),
        PatientRepository.date(rs, "effective_date"),
        PatientRepository.date(rs, "expiration_date"));
  }
}
