package com.practicestudio.sandbox.data;

import java.time.Instant;

/** An appointment booked into a slot for one patient (status is a FHIR appointment status). */
public record AppointmentRecord(
    long appointmentId,
    String slotId,
    long patientId,
    long providerId,
    long locationId,
    Coded serviceType,
    Instant start,
    Instant end,
    String status,
    String comment,
    int version,
    Instant lastUpdated) {}
