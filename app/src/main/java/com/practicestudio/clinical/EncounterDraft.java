package com.practicestudio.clinical;

import java.time.Instant;

/**
 * What a caller writes to create or replace an encounter (the JSON body of {@code POST}/{@code PUT
 * /api/v1/encounters}). {@code version}, when given on a change, must be the current one.
 */
public record EncounterDraft(
    String externalId,
    Long patientId,
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
    Integer version) {}
