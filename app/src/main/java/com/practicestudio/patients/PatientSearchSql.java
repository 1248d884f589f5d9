package com.practicestudio.patients;

import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one page of a patient search: ids in ascending order after the cursor's id. Filters by
 * MRN, external id and identifier answer survivors of merges (merge chains are flat, so one hop).
 */
record PatientSearchSql(String sql, List<Object> params) {

  private static final String SURVIVOR = "coalesce(q.merged_into_id, q.id)";
  private static final String IDENTIFIERS =
      "patient_identifier i JOIN patient q ON q.id = i.patient_id";

  static PatientSearchSql of(PatientQuery query, long afterId, int fetch) {
    StringBuilder sql = new StringBuilder("SELECT p.id FROM patient p WHERE p.id > ?");
    List<Object> params = new ArrayList<>(List.of(afterId));
    String mrn = PatientValidator.clean(query.mrn());
    String externalId = PatientValidator.clean(query.externalId());
    String lastName = PatientValidator.clean(query.lastName());
    String firstName = PatientValidator.clean(query.firstName());
    String identifier = PatientValidator.clean(query.identifier());
    LocalDate dob = dateOfBirth(query.dateOfBirth());
    if (!query.includeMerged()) {
      sql.append(" AND p.merged_into_id IS NULL");
    }
    if (mrn != null) {
      survivorsOf(
          sql,
          "patient q WHERE q.mrn = ? UNION SELECT "
              + SURVIVOR
              + " FROM "
              + IDENTIFIERS
              + " WHERE i.type = 'MR' AND i.value = ?");
      params.add(mrn);
      params.add(mrn);
    }
    if (externalId != null) {
      survivorsOf(sql, "patient q WHERE q.external_id = ?");
      params.add(externalId);
    }
    if (identifier != null) {
      int bar = identifier.indexOf('|');
      if (bar >= 0) {
        survivorsOf(sql, IDENTIFIERS + " WHERE i.value = ? AND i.type = ?");
        params.add(identifier.substring(bar + 1).strip());
        params.add(identifier.substring(0, bar).strip());
      } else {
        survivorsOf(sql, IDENTIFIERS + " WHERE i.value = ?");
        params.add(identifier);
      }
    }
    if (lastName != null) {
      sql.append(" AND lower(p.last_name) LIKE lower(?) ESCAPE '\\'");
      params.add(prefix(lastName));
    }
    if (firstName != null) {
      sql.append(" AND lower(p.first_name) LIKE lower(?) ESCAPE '\\'");
      params.add(prefix(firstName));
    }
    if (dob != null) {
      sql.append(" AND p.date_of_birth = ?");
      params.add(dob);
    }
    sql.append(" ORDER BY p.id LIMIT ?");
    params.add(fetch);
    return new PatientSearchSql(sql.toString(), params);
  }

  /** Keeps patients that are the survivors of the rows {@code from} selects (alias q). */
  private static void survivorsOf(StringBuilder sql, String from) {
    sql.append(" AND p.id IN (SELECT ").append(SURVIVOR).append(" FROM ").append(from).append(")");
  }

  private static LocalDate dateOfBirth(String text) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate date = PatientValidator.anyDate("dateOfBirth", text, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return date;
  }

  private static String prefix(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
