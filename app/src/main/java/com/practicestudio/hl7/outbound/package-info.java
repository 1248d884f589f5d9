/**
 * Outbound SIU: {@code AppointmentSiuWriter} turns every appointment booked, changed or cancelled
 * into an SIU S12/S14/S15 journal row (same transaction) for each enabled sender interface that
 * carries {@code SIU}; {@code com.practicestudio.hl7}'s delivery handler sends it.
 */
package com.practicestudio.hl7.outbound;
