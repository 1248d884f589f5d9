package com.practicestudio.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A billable service.
 *
 * @param code CPT or HCPCS code, per {@code codeSystem}
 * @param amount quantity × unitAmount, rounded half up to the cent
 * @param diagnosisCodes ICD-10-CM codes, dotted ({@code E11.9})
 * @param externalId e.g. the FT1 transaction id
 * @param status open, billed (on a claim), void
 */
public record Charge(
    long id,
    String externalId,
    long patientId,
    Long encounterId,
    String code,
    String codeSystem,
    List<String> modifiers,
    String description,
    BigDecimal quantity,
    BigDecimal unitAmount,
    BigDecimal amount,
    String currency,
    LocalDate serviceDate,
    List<String> diagnosisCodes,
    Long providerId,
    String status,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
