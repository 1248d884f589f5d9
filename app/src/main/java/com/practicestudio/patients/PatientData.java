package com.practicestudio.patients;

import com.practicestudio.contact.Address;
import com.practicestudio.contact.Phone;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A patient's writable fields after validation and normalisation: what gets stored, and what
 * changes are computed between. Identifiers and coverages are kept in a canonical order so that
 * comparing two of these compares content.
 *
 * @param ssn nine digits, or null
 */
record PatientData(
    String externalId,
    String mrn,
    List<PatientIdentifier> identifiers,
    String firstName,
    String middleName,
    String lastName,
    String nameSuffix,
    LocalDate dateOfBirth,
    String gender,
    String ssn,
    Address address,
    Phone phoneHome,
    Phone phoneMobile,
    Phone phoneWork,
    String email,
    String preferredLanguage,
    String race,
    String ethnicity,
    String maritalStatus,
    LocalDate deceasedDate,
    Long primaryProviderId,
    boolean active,
    List<Coverage> coverages) {

  static final Comparator<PatientIdentifier> IDENTIFIER_ORDER =
      Comparator.comparing(PatientIdentifier::type)
          .thenComparing(i -> Objects.toString(i.assigningAuthority(), ""))
          .thenComparing(PatientIdentifier::value);

  static final Comparator<Coverage> COVERAGE_ORDER =
      Comparator.comparingInt(Coverage::priority)
          .thenComparing(Coverage::insurerName)
          .thenComparing(c -> Objects.toString(c.memberId(), ""));

  /** The stored patient, with its SSN opened. */
  static PatientData of(Patient p, String ssn) {
    return new PatientData(
        p.externalId(),
        p.mrn(),
        p.identifiers().stream().sorted(IDENTIFIER_ORDER).toList(),
        p.firstName(),
        p.middleName(),
        p.lastName(),
        p.nameSuffix(),
        p.dateOfBirth(),
        p.gender(),
        ssn,
        p.address(),
        phone(p.phoneHome(), p.phoneHomeExtension(), p.phoneHomeValid()),
        phone(p.phoneMobile(), p.phoneMobileExtension(), p.phoneMobileValid()),
        phone(p.phoneWork(), p.phoneWorkExtension(), p.phoneWorkValid()),
        p.email(),
        p.preferredLanguage(),
        p.race(),
        p.ethnicity(),
        p.maritalStatus(),
        p.deceasedDate(),
        p.primaryProviderId(),
        p.active(),
        p.coverages().stream().sorted(COVERAGE_ORDER).toList());
  }

  String ssnLast4() {
    return ssn == null ? null : ssn.substring(5);
  }

  private static Phone phone(String value, String extension, boolean valid) {
    return value == null ? null : new Phone(value, extension, valid);
  }

  @Override
  public String toString() {
    return "PatientData[...]"; // PHI
  }
}
