package com.practicestudio.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A claim to a payer for charges.
 *
 * @param claimNumber the patient control number (837 CLM01), unique
 * @param coverageId the patient's coverage billed
 * @param totalAmount the sum of its lines
 * @param paidAmount the sum of payments posted to it
 * @param payerClaimId the payer's claim control number, once known
 */
public record Claim(
    long id,
    String claimNumber,
    long patientId,
    long coverageId,
    ClaimStatus status,
    BigDecimal totalAmount,
    BigDecimal paidAmount,
    String currency,
    Long billingProviderId,
    Instant submittedAt,
    String payerClaimId,
    List<ClaimLine> lines,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  /** One service line: a charge as it was billed. */
  public record ClaimLine(
      int lineNumber,
      long chargeId,
      String code,
      List<String> modifiers,
      java.time.LocalDate serviceDate,
      BigDecimal quantity,
      BigDecimal amount) {}
}
