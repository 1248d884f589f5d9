package com.practicestudio.clinical;

import java.time.Instant;

/** Document search filters; nulls match everything. {@code from}/{@code to} bound createdTime. */
public record DocumentQuery(
    Long patientId,
    Long encounterId,
    String typeCode,
    String status,
    String externalId,
    Instant from,
    Instant to) {}
