package com.practicestudio.clinical;

import java.time.Instant;

/**
 * What a caller writes to create or replace an observation (the JSON body of {@code POST}/{@code
 * PUT /api/v1/observations}). {@code codeSystem} defaults to LOINC. {@code sendToCerner} counts on
 * create only. {@code valueNumeric} is derived from {@code value}.
 */
public record ObservationDraft(
    String externalId,
    Long patientId,
    Long encounterId,
    String category,
    String code,
    String codeSystem,
    String display,
    String value,
    String unit,
    String referenceRange,
    String abnormalFlag,
    String status,
    Instant effectiveTime,
    Instant issuedTime,
    Long performerId,
    String notes,
    String orderId,
    String accession,
    Boolean sendToCerner,
    Integer version) {}
