package com.practicestudio.fhir;

import com.practicestudio.contact.Address;
import com.practicestudio.patients.PatientIdentifier;
import com.practicestudio.patients.PatientInput;
import java.util.List;

/**
 * A Cerner patient found by a live search, in the patient JSON shape (no SSN).
 *
 * @param externalId the Cerner Patient id (what import takes)
 * @param replacedBy the Cerner id of the patient this one was merged into, if it was
 * @param linkedPatientId the Practice Studio patient already linked to it, if any
 */
public record CernerPatientMatch(
    String externalId,
    String mrn,
    List<PatientIdentifier> identifiers,
    String firstName,
    String middleName,
    String lastName,
    String nameSuffix,
    String dateOfBirth,
    String gender,
    Address address,
    String phoneHome,
    String phoneMobile,
    String phoneWork,
    String email,
    String preferredLanguage,
    String race,
    String ethnicity,
    String maritalStatus,
    Boolean active,
    String replacedBy,
    Long linkedPatientId) {

  static CernerPatientMatch of(PatientInput in, String replacedBy, Long linkedPatientId) {
    return new CernerPatientMatch(
        in.externalId(),
        in.mrn(),
        in.identifiers() == null ? List.of() : in.identifiers(),
        in.firstName(),
        in.middleName(),
        in.lastName(),
        in.nameSuffix(),
        in.dateOfBirth(),
        in.gender(),
        in.address(),
        in.phoneHome(),
        in.phoneMobile(),
        in.phoneWork(),
        in.email(),
        in.preferredLanguage(),
        in.race(),
        in.ethnicity(),
        in.maritalStatus(),
        in.active(),
        replacedBy,
        linkedPatientId);
  }

  @Override
  public String toString() {
    return "CernerPatientMatch[...]"; // PHI
  }
}
