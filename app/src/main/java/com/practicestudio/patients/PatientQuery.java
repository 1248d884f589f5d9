package com.practicestudio.patients;

/**
 * Patient search filters; null matches everything. Filters by MRN, external id or identifier answer
 * the surviving record of a merge. Merged records are left out unless {@code includeMerged}.
 *
 * @param lastName case-insensitive prefix
 * @param firstName case-insensitive prefix
 * @param dateOfBirth {@code YYYY-MM-DD}
 * @param identifier {@code type|value}, or a value of any type
 */
public record PatientQuery(
    String mrn,
    String externalId,
    String lastName,
    String firstName,
    String dateOfBirth,
    String identifier,
    boolean includeMerged) {

  public static PatientQuery all() {
    return new PatientQuery(null, null, null, null, null, null, false);
  }

  public static PatientQuery byMrn(String mrn) {
    return new PatientQuery(mrn, null, null, null, null, null, false);
  }
}
