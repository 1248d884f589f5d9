package com.practicestudio.patients;

/**
 * Published when a patient record is merged into another, inside the merge's transaction: an
 * {@code @EventListener} that moves its own rows (appointments, encounters, …) to the survivor
 * commits or rolls back with the merge. Use {@code @TransactionalEventListener} for work that must
 * wait for the commit.
 *
 * @param survivorId the record that remains
 * @param mergedId the record merged into it (now inactive, {@code mergedIntoId = survivorId})
 * @param source what asked for it: {@code api}, {@code console}, {@code HL7 ADT^A40}, {@code FHIR}…
 * @param exchangeId the journal row that caused it, when any
 */
public record PatientsMerged(long survivorId, long mergedId, String source, Long exchangeId) {}
