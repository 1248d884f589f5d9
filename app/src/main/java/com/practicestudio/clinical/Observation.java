package com.practicestudio.clinical;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A result or vital sign.
 *
 * @param value the value as given (text); {@code valueNumeric} holds it as a number when it is one
 * @param orderId placer/filler order number; with {@code accession} it groups the results of one
 *     order
 * @param sendToCerner whether it is to be written to the patient's Cerner domain
 * @param cernerStatus how that went, as the Cerner FHIR feature reports it (null until then)
 */
public record Observation(
    long id,
    String externalId,
    long patientId,
    Long encounterId,
    String category,
    String code,
    String codeSystem,
    String display,
    String value,
    BigDecimal valueNumeric,
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
    boolean sendToCerner,
    String cernerStatus,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
