package com.practicestudio.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a caller writes to create or replace a charge (the JSON body of {@code POST}/{@code PUT
 * /api/v1/charges}). Give {@code unitAmount} or {@code amount} or both (then they must agree);
 * {@code quantity} defaults to 1, {@code codeSystem} is inferred from the code, {@code status} is
 * {@code open} or {@code void} ({@code billed} comes from claims).
 */
public record ChargeDraft(
    String externalId,
    Long patientId,
    Long encounterId,
    String code,
    String codeSystem,
    List<String> modifiers,
    String description,
    BigDecimal quantity,
    BigDecimal unitAmount,
    BigDecimal amount,
    LocalDate serviceDate,
    List<String> diagnosisCodes,
    Long providerId,
    String status,
    Integer version) {}
