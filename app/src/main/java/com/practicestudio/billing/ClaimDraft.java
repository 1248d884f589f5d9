package com.practicestudio.billing;

import java.util.List;

/**
 * A new claim made of charges (the JSON body of {@code POST /api/v1/claims}): the patient's open
 * charges (or charges whose claims were rejected or denied), in line order. {@code claimNumber} is
 * generated when absent.
 */
public record ClaimDraft(
    Long patientId,
    Long coverageId,
    List<Long> chargeIds,
    Long billingProviderId,
    String claimNumber) {}
