package com.practicestudio.directory;

import com.practicestudio.contact.Address;
import java.time.Instant;

/**
 * A place care happens: facility, building, clinic, room.
 *
 * @param externalId Cerner location code value / FHIR Location id
 * @param timeZone IANA time zone id, used to read local appointment times
 */
public record Location(
    long id,
    String externalId,
    String name,
    String kind,
    String timeZone,
    Address address,
    String phone,
    String phoneExtension,
    boolean phoneValid,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}
