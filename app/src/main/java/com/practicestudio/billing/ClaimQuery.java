package com.practicestudio.billing;

/** Claim search filters; nulls match all. */
public record ClaimQuery(
    Long patientId, String status, String claimNumber, Long coverageId, String payerClaimId) {}
