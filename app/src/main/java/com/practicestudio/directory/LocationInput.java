package com.practicestudio.directory;

import com.practicestudio.contact.Address;

/**
 * A location as a client writes it. On replace, null clears a field (a null {@code timeZone} falls
 * back to {@code practice-studio.directory.default-time-zone}); on {@link LocationService#upsert
 * upsert}, null leaves it unchanged.
 */
public record LocationInput(
    String externalId,
    String name,
    String kind,
    String timeZone,
    Address address,
    String phone,
    String phoneExtension,
    Boolean active) {}
