package com.practicestudio.sandbox.data;

import java.time.Instant;

/** A Millennium PRSNL row for a provider, with NPI and specialty (NUCC taxonomy). */
public record ProviderRecord(
    long personnelId,
    String npi,
    PersonName name,
    Sex sex,
    Concept specialty,
    String credential,
    Phone phone,
    String email,
    long locationId,
    Instant lastUpdated) {}
