package com.practicestudio.fhir;

import java.time.Instant;

/**
 * A Cerner slot as the API shows it.
 *
 * @param id the FHIR Slot id, what a booking names
 * @param status free, busy-tentative, busy, …
 * @param serviceType the Cerner code (code set 14249) of the slot's appointment type
 * @param appointmentType the Practice Studio appointment type it maps to; null when unmapped
 * @param cernerLocationId the Cerner Location id of the slot's schedule, when given
 * @param version the slot's version, for {@code If-Match} on a hold
 */
public record CernerSlot(
    String id,
    String scheduleId,
    String status,
    Instant start,
    Instant end,
    String serviceType,
    String serviceTypeDisplay,
    String appointmentType,
    String cernerLocationId,
    String version) {}
