package com.practicestudio.billing;

import java.time.LocalDate;

/** Remittance search filters; nulls match all. {@code from} ≤ paymentDate &lt; {@code to}. */
public record RemittanceQuery(
    String payerId, String checkNumber, String claimNumber, LocalDate from, LocalDate to) {}
