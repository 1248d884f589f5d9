package com.practicestudio.patients;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.practicestudio.contact.Address;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient as Practice Studio keeps it, in the REST API's JSON shape.
 *
 * @param externalId Cerner PERSON_ID / FHIR Patient id
 * @param mrn the primary medical record number (also among {@code identifiers} as type {@code MR})
 * @param gender M, F, O or U
 * @param ssn {@code NNN-NN-NNNN}; only on audited reads by users allowed PHI ({@code PHI_READ}),
 *     absent otherwise
 * @param ssnLast4 absent for users not allowed PHI
 * @param phoneHome E.164 when it parsed ({@code phoneHomeValid}); kept as given otherwise
 * @param mergedIntoId the survivor, when this record was merged into another (it is then inactive)
 * @param version optimistic-locking version; send it back (or as {@code If-Match}) on updates
 */
public record Patient(
    long id,
    String externalId,
    String mrn,
    List<PatientIdentifier> identifiers,
    String firstName,
    String middleName,
    String lastName,
    String nameSuffix,
    LocalDate dateOfBirth,
    String gender,
    @JsonInclude(JsonInclude.Include.NON_NULL) String ssn,
    @JsonInclude(JsonInclude.Include.NON_NULL) String ssnLast4,
    Address address,
    String phoneHome,
    String phoneHomeExtension,
    boolean phoneHomeValid,
    String phoneMobile,
    String phoneMobileExtension,
    boolean phoneMobileValid,
    String phoneWork,
    String phoneWorkExtension,
    boolean phoneWorkValid,
    String email,
    String preferredLanguage,
    String race,
    String ethnicity,
    String maritalStatus,
    LocalDate deceasedDate,
    Long primaryProviderId,
    boolean active,
    Long mergedIntoId,
    List<Coverage> coverages,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  /** Whether this record was merged into another one. */
  public boolean merged() {
    return mergedIntoId != null;
  }

  @Override
  public String toString() {
    return "Patient[id=" + id + ", version=" + version + "]"; // everything else is PHI
  }
}
