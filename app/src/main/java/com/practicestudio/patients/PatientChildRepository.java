package com.practicestudio.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A patient's identifiers and coverages. */
@Repository
class PatientChildRepository {

  // The two kinds of key are read in two statements rather than in one with a branch for each:
  // PostgreSQL prunes the branch a key cannot take only when it plans with the values at hand, so
  // one statement for both was planned again on most calls (a generic plan keeps both branches and
  // looks costlier), and planning cost more than running it.
  private static final String EXACT_KEY =
      """
      i.type = k.type AND i.assigning_authority = k.authority AND i.value = k.value""";
  private static final String LOOSE_KEY =
      """
      i.value = k.value AND (k.type IS NULL OR i.type = k.type)
                        AND (k.authority IS NULL OR i.assigning_authority = k.authority)""";

  private final JdbcClient jdbc;

  PatientChildRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // Lists of patients are read one id at a time through a lateral join (a plain "= ANY(?)" gets a
  // cached generic plan that may scan the whole table); one patient is read with "= ?".

  /** One patient's identifiers, in stored order. */
  List<PatientIdentifier> identifiers(long patientId) {
    return jdbc.sql(
            "SELECT * FROM patient_identifier WHERE patient_id = ?"
                + " ORDER BY type, assigning_authority, value")
        .param(patientId)
        .query((rs, n) -> identifier(rs))
        .list();
  }

  /** One patient's coverages, in canonical order. */
  List<Coverage> coverages(long patientId) {
    return jdbc
        .sql("SELECT * FROM patient_coverage WHERE patient_id = ? ORDER BY id")
        .param(patientId)
        .query((rs, n) -> coverage(rs))
        .list()
        .stream()
        .sorted(PatientData.COVERAGE_ORDER)
        .toList();
  }

  Map<Long, List<PatientIdentifier>> identifiers(Long[] patientIds) {
    Map<Long, List<PatientIdentifier>> byPatient = new HashMap<>();
    jdbc.sql(
            """
            SELECT c.* FROM unnest(?::bigint[]) AS k(id)
             CROSS JOIN LATERAL (SELECT * FROM patient_identifier WHERE patient_id = k.id OFFSET 0) c
             ORDER BY c.patient_id, c.type, c.assigning_authority, c.value
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
    jdbc.sql(
            """
            SELECT c.* FROM unnest(?::bigint[]) AS k(id)
             CROSS JOIN LATERAL (SELECT * FROM patient_coverage WHERE patient_id = k.id OFFSET 0) c
             ORDER BY c.patient_id, c.id
            """)
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

  /** Stores a new patient's identifiers and coverages. */
  void insert(
      long patientId, List<PatientIdentifier> identifiers, List<Coverage> coverages, Instant now) {
    insertIdentifiers(patientId, identifiers, Timestamp.from(now));
    insertCoverages(patientId, coverages, Timestamp.from(now));
  }

  /**
   * Replaces a patient's identifiers and coverages with these; a list equal to the stored one
   * ({@code before}, in canonical order) is left as it is.
   */
  void replace(long patientId, PatientData before, PatientData after, Instant now) {
    Timestamp at = Timestamp.from(now);
    if (!before.identifiers().equals(after.identifiers())) {
      jdbc.sql("DELETE FROM patient_identifier WHERE patient_id = ?").param(patientId).update();
      insertIdentifiers(patientId, after.identifiers(), at);
    }
    if (!before.coverages().equals(after.coverages())) {
      jdbc.sql("DELETE FROM patient_coverage WHERE patient_id = ?").param(patientId).update();
      insertCoverages(patientId, after.coverages(), at);
    }
  }

  private void insertIdentifiers(
      long patientId, List<PatientIdentifier> identifiers, Timestamp at) {
    if (identifiers.isEmpty()) {
      return;
    }
    List<Object> params = new ArrayList<>();
    for (PatientIdentifier i : identifiers) {
      params.addAll(
          Arrays.asList(
              patientId,
              i.type(),
              i.value(),
              i.assigningAuthority() == null ? "" : i.assigningAuthority(),
              i.system(),
              at));
    }
    jdbc.sql(
            "INSERT INTO patient_identifier (patient_id, type, value, assigning_authority, system,"
                + " created_at) VALUES "
                + rows(identifiers.size(), 6))
        .params(params)
        .update();
  }

  private void insertCoverages(long patientId, List<Coverage> coverages, Timestamp at) {
    if (coverages.isEmpty()) {
      return;
    }
    List<Object> params = new ArrayList<>();
    for (Coverage c : coverages) {
      params.addAll(
          Arrays.asList(
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
              at));
    }
    jdbc.sql(
            """
            INSERT INTO patient_coverage (patient_id, priority, insurer_name, insurer_id, plan_name,
                member_id, group_number, subscriber_name, relationship, effective_date, expiration_date,
                created_at, updated_at)
            VALUES\s"""
                + rows(coverages.size(), 13))
        .params(params)
        .update();
  }

  /** {@code (?, ?), (?, ?)} for a multi-row VALUES list. */
  private static String rows(int count, int columns) {
    String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
    return String.join(", ", Collections.nCopies(count, row));
  }

  /**
   * The stored identifiers these keys name, each with its holder and the holder's survivor. A key's
   * null type or null authority matches any. Keys with both are looked up through the unique (type,
   * authority, value) index; the others through the value index.
   */
  List<IdentifierHolder> holders(List<PatientIdentifier> keys) {
    List<PatientIdentifier> exact = new ArrayList<>(keys.size());
    List<PatientIdentifier> loose = new ArrayList<>();
    for (PatientIdentifier key : keys) {
      (key.type() != null && key.assigningAuthority() != null ? exact : loose).add(key);
    }
    Set<IdentifierHolder> found = new LinkedHashSet<>(holders(exact, EXACT_KEY));
    found.addAll(holders(loose, LOOSE_KEY));
    return List.copyOf(found);
  }

  /**
   * One VALUES row per key rather than arrays: PostgreSQL estimates a VALUES list exactly and,
   * after five runs, keeps one generic plan per list length. The list is padded with keys that
   * match nothing up to a power of two, so that a group's varying number of keys makes a few
   * statements to plan and cache, not one per length. The survivor is a subquery by primary key so
   * that no generic plan made while the tables were small can join them by a full scan. Typed even
   * when null, so that the driver binds the same types every time and keeps its prepared statement.
   */
  private List<IdentifierHolder> holders(List<PatientIdentifier> keys, String match) {
    if (keys.isEmpty()) {
      return List.of();
    }
    int rows = keys.size() == 1 ? 1 : Integer.highestOneBit(keys.size() - 1) << 1;
    List<Object> params = new ArrayList<>(rows * 3);
    for (int n = 0; n < rows; n++) {
      PatientIdentifier key = n < keys.size() ? keys.get(n) : null;
      params.add(new SqlParameterValue(Types.VARCHAR, key == null ? null : key.type()));
      params.add(new SqlParameterValue(Types.VARCHAR, key == null ? null : key.value()));
      params.add(
          new SqlParameterValue(Types.VARCHAR, key == null ? null : key.assigningAuthority()));
    }
    return jdbc.sql(
            """
            SELECT DISTINCT h.type, h.value, h.assigning_authority, h.patient_id,
                   (SELECT coalesce(p.merged_into_id, p.id) FROM patient p WHERE p.id = h.patient_id)
                       AS survivor_id
              FROM (VALUES %s) AS k(type, value, authority)
             CROSS JOIN LATERAL (
                   SELECT i.type, i.value, i.assigning_authority, i.patient_id
                     FROM patient_identifier i
                    WHERE %s
                   OFFSET 0) h
            """
                .formatted(rows(rows, 3), match))
        .params(params)
        .query(
            (rs, n) ->
                new IdentifierHolder(
                    rs.getString("type"),
                    rs.getString("value"),
                    rs.getString("assigning_authority"),
                    rs.getLong("patient_id"),
                    rs.getLong("survivor_id")))
        .list();
  }

  /**
   * A stored identifier and who holds it.
   *
   * @param assigningAuthority as stored ({@code ""} when none)
   * @param survivorId the holder, or the record it was merged into
   */
  record IdentifierHolder(
      String type, String value, String assigningAuthority, long patientId, long survivorId) {}

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
