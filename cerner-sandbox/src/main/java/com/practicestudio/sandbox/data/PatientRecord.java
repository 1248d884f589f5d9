package com.practicestudio.sandbox.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A Millennium PERSON with its aliases (MRN, SSN), addresses, phones and demographics. A record
 * merged (combined) into another is inactive and names the survivor in {@code mergedInto}.
 *
 * @param personId PERSON_ID, also the FHIR Patient id
 * @param mergedInto the surviving PERSON_ID when this record was combined away, else null
 * @param version the record's version (FHIR {@code meta.versionId}); grows with each change
 */
public record PatientRecord(
    long personId,
    PersonName name,
    LocalDate birthDate,
    Sex sex,
    List<Alias> aliases,
    List<Address> addresses,
    List<Phone> phones,
    List<String> emails,
    Coded language,
    Coded race,
    Coded ethnicity,
    Coded maritalStatus,
    boolean active,
    Long mergedInto,
    int version,
    Instant lastUpdated) {

  public PatientRecord {
    aliases = List.copyOf(aliases);
    addresses = List.copyOf(addresses);
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
  }

  /** The medical record number (the MRN alias). */
  public String mrn() {
    return alias(Alias.Type.MRN);
  }

  /** The value of the first alias of a type, or null. */
  public String alias(Alias.Type type) {
    return aliases.stream()
        .filter(a -> a.type() == type)
        .map(Alias::value)
        .findFirst()
        .orElse(null);
  }

  /** This record combined into {@code survivor}: inactive, pointing at it, one version later. */
  public PatientRecord mergedInto(long survivor, Instant at) {
    return new PatientRecord(
        personId,
        name,
        birthDate,
        sex,
        aliases,
        addresses,
        phones,
        emails,
        language,
        race,
        ethnicity,
        maritalStatus,
        false,
        survivor,
        version + 1,
        at);
  }
}
