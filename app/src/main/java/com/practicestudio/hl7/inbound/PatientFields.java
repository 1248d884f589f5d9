package com.practicestudio.hl7.inbound;

import com.practicestudio.contact.Address;
import com.practicestudio.patients.PatientIdentifier;
import com.practicestudio.patients.PatientInput;
import com.practicestudio.patients.PatientInput.CoverageInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The patient fields one message gives, as they are collected from PID (and IN1); null means "not
 * given". Turned into a {@link PatientInput} for {@code PatientService.upsert}.
 */
final class PatientFields {

  String mrn;
  final List<PatientIdentifier> identifiers = new ArrayList<>();
  String firstName;
  String middleName;
  String lastName;
  String nameSuffix;
  LocalDate dateOfBirth;
  String gender;
  String ssn;
  Address address;
  String phoneHome;
  String phoneHomeExtension;
  String phoneMobile;
  String phoneMobileExtension;
  String phoneWork;
  String phoneWorkExtension;
  String email;
  String preferredLanguage;
  String race;
  String ethnicity;
  String maritalStatus;
  LocalDate deceasedDate;
  List<CoverageInput> coverages;

  /**
   * @param withMrn false when the MRN sent is not the stored patient's primary MRN (an old MRN of a
   *     merged record): it then only identifies, and the primary MRN stays
   */
  PatientInput toInput(boolean withMrn) {
    return new PatientInput(
        null,
        withMrn ? mrn : null,
        List.copyOf(identifiers),
        firstName,
        middleName,
        lastName,
        nameSuffix,
        dateOfBirth == null ? null : dateOfBirth.toString(),
        gender,
        ssn,
        address,
        phoneHome,
        phoneHomeExtension,
        phoneMobile,
        phoneMobileExtension,
        phoneWork,
        phoneWorkExtension,
        email,
        preferredLanguage,
        race,
        ethnicity,
        maritalStatus,
        deceasedDate == null ? null : deceasedDate.toString(),
        null,
        null,
        coverages,
        null);
  }

  @Override
  public String toString() {
    return "PatientFields[...]"; // PHI
  }
}
