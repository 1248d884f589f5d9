package com.practicestudio.sandbox.data;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A Millennium LOCATION: a facility or an ambulatory clinic inside one ({@code parentId}), in its
 * own time zone.
 */
public record LocationRecord(
    long locationId,
    String name,
    Kind kind,
    Long parentId,
    Address address,
    Phone phone,
    ZoneId zone,
    Instant lastUpdated) {

  /** The location types the sandbox uses (Millennium code set 222 meanings). */
  public enum Kind {
    FACILITY,
    AMBULATORY
  }
}
