package com.practicestudio.sandbox.data;

import java.time.Instant;

/**
 * A Millennium ENCOUNTER with its FIN (financial number, the encounter alias).
 *
 * @param encounterClass a v3 ActCode class code (AMB, IMP, EMER)
 * @param status a FHIR encounter status
 */
public record EncounterRecord(
    long encounterId,
    long patientId,
    String fin,
    String encounterClass,
    Coded type,
    String status,
    Instant start,
    Instant end,
    long locationId,
    long providerId,
    Instant lastUpdated) {}
