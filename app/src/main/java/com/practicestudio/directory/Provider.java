package com.practicestudio.directory;

import java.time.Instant;

/**
 * A clinician Practice Studio knows: who appointments, encounters and results name.
 *
 * @param externalId Cerner personnel id (PRSNL_ID) / FHIR Practitioner id
 * @param phone E.164 when it parsed, as given otherwise ({@code phoneValid} false)
 */
public record Provider(
    long id,
    String externalId,
    String npi,
    String firstName,
    String lastName,
    String credentials,
    String specialty,
    String phone,
    String phoneExtension,
    boolean phoneValid,
    String email,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}
