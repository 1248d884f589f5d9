package com.practicestudio.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A received remittance to record and post (the JSON body of {@code POST /api/v1/remittances}).
 * {@code paymentMethod} defaults to {@code check}. Remittances are not changed once recorded.
 */
public record RemittanceDraft(
    String payerName,
    String payerId,
    String checkNumber,
    String paymentMethod,
    LocalDate paymentDate,
    BigDecimal totalPaid,
    List<Remittance.ClaimPayment> claims) {}
