package com.practicestudio.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An X12 835 remittance as received: the payer's payment and what it paid per claim.
 *
 * @param payerId the payer's identifier (TRN03 / N1*PR)
 * @param checkNumber the check number or EFT trace number (TRN02)
 * @param paymentMethod check, eft, none (BPR04 CHK, ACH, NON)
 * @param totalPaid the total payment (BPR02)
 */
public record Remittance(
    long id,
    String payerName,
    String payerId,
    String checkNumber,
    String paymentMethod,
    LocalDate paymentDate,
    BigDecimal totalPaid,
    String currency,
    List<ClaimPayment> claims,
    Instant createdAt) {

  /**
   * One claim's payment (CLP), with its adjustments (CAS).
   *
   * @param claimNumber the patient control number (CLP01)
   * @param claimId the local claim with that number; found by the server (ignored on input)
   * @param claimStatusCode CLP02: 1–3 processed, 4 denied, 22 reversal …
   */
  public record ClaimPayment(
      String claimNumber,
      Long claimId,
      String payerClaimId,
      String claimStatusCode,
      BigDecimal billed,
      BigDecimal paid,
      BigDecimal patientResponsibility,
      List<Adjustment> adjustments) {}

  /**
   * A claim adjustment (CAS).
   *
   * @param groupCode CO, CR, OA, PI, PR
   * @param reasonCode the claim adjustment reason code (CARC)
   */
  public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {}
}
