package com.practicestudio.clinical;

import java.time.Instant;

/**
 * Observation search filters; nulls match everything. {@code from}/{@code to} bound effectiveTime.
 */
public record ObservationQuery(
    Long patientId,
    Long encounterId,
    String code,
    String category,
    String accession,
    String externalId,
    Instant from,
    Instant to) {}
