package com.practicestudio.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Money received for a patient's care: from a payer (posted from a remittance, with {@code
 * remittanceId}) or from the patient.
 *
 * @param method cash, check, card, eft, other
 * @param reference check number, EFT trace or receipt number
 */
public record Payment(
    long id,
    long patientId,
    Long claimId,
    Long remittanceId,
    BigDecimal amount,
    String currency,
    String method,
    LocalDate receivedDate,
    String reference,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
