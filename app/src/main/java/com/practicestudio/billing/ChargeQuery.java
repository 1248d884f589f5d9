package com.practicestudio.billing;

import java.time.LocalDate;

/** Charge search filters; nulls match all. {@code from} ≤ serviceDate &lt; {@code to}. */
public record ChargeQuery(
    Long patientId,
    Long encounterId,
    String code,
    String status,
    String externalId,
    LocalDate from,
    LocalDate to) {}
