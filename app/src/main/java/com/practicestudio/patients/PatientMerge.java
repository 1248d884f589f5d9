package com.practicestudio.patients;

import java.time.Instant;

/** One merge in a patient's history. */
public record PatientMerge(
    long id,
    long survivorId,
    long mergedId,
    String source,
    Long exchangeId,
    String actor,
    Instant mergedAt) {}
