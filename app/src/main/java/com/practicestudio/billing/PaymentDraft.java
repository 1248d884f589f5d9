package com.practicestudio.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a caller writes to create or replace a payment (the JSON body of {@code POST}/{@code PUT
 * /api/v1/payments}). A negative amount is a refund; zero is refused.
 */
public record PaymentDraft(
    Long patientId,
    Long claimId,
    Long remittanceId,
    BigDecimal amount,
    String method,
    LocalDate receivedDate,
    String reference,
    Integer version) {}
