package com.practicestudio.billing;

/**
 * A change to a claim (the JSON body of {@code PATCH /api/v1/claims/{id}}); null fields stay as
 * they are. Coverage and billing provider change only while the claim is draft or ready; {@code
 * version}, when given, must be the current one.
 */
public record ClaimChange(
    String status, String payerClaimId, Long coverageId, Long billingProviderId, Integer version) {}
