/**
 * Billing: charges (CPT/HCPCS with ICD-10 diagnoses), claims made of charges, 835 remittances
 * (posted to claims as payments) and payments. Money is USD, {@code numeric(12,2)} in the database,
 * {@link java.math.BigDecimal} with two decimals in Java and JSON; amounts with more decimals are
 * refused, never silently rounded, and derived amounts round half up to the cent.
 *
 * <p>API for other features: {@link com.practicestudio.billing.ChargeService}, {@link
 * com.practicestudio.billing.ClaimService}, {@link com.practicestudio.billing.RemittanceService},
 * {@link com.practicestudio.billing.PaymentService} and {@link
 * com.practicestudio.billing.BillingMerge} ({@code movePatient} for patient merges). Claim status
 * changes follow {@link com.practicestudio.billing.ClaimStatus}; a change it does not allow answers
 * 409.
 */
package com.practicestudio.billing;
