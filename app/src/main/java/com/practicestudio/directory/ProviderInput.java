package com.practicestudio.directory;

/**
 * A provider as a client writes it (create, replace, upsert). On replace, null clears a field; on
 * {@link ProviderService#upsert upsert}, null leaves it unchanged.
 */
public record ProviderInput(
    String externalId,
    String npi,
    String firstName,
    String lastName,
    String credentials,
    String specialty,
    String phone,
    String phoneExtension,
    String email,
    Boolean active) {}
