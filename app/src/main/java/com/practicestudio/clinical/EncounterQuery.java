package com.practicestudio.clinical;

import java.time.Instant;

/** Encounter search filters; nulls match everything. {@code from}/{@code to} bound admitTime. */
public record EncounterQuery(
    Long patientId,
    String fin,
    String externalId,
    String status,
    String encounterClass,
    Instant from,
    Instant to) {}
