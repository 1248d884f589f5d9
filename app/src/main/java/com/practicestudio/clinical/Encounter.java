package com.practicestudio.clinical;

import java.time.Instant;

/**
 * A visit. {@code fin} is Cerner's FIN NBR (the account number), unique per assigning authority.
 *
 * @param externalId Cerner ENCNTR_ID / FHIR Encounter id
 * @param encounterClass one of {@link EncounterService#CLASSES}
 * @param status a FHIR Encounter status
 */
public record Encounter(
    long id,
    String externalId,
    long patientId,
    String fin,
    String finAssigningAuthority,
    String visitNumber,
    String encounterClass,
    String status,
    Long locationId,
    Long attendingProviderId,
    Instant admitTime,
    Instant dischargeTime,
    String reason,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
