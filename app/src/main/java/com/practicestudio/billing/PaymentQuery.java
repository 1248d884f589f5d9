package com.practicestudio.billing;

import java.time.LocalDate;

/** Payment search filters; nulls match all. {@code from} ≤ receivedDate &lt; {@code to}. */
public record PaymentQuery(
    Long patientId, Long claimId, Long remittanceId, LocalDate from, LocalDate to) {}
