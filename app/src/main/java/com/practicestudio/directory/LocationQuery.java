package com.practicestudio.directory;

/**
 * Location search filters; null matches everything.
 *
 * @param name case-insensitive part of the name
 */
public record LocationQuery(String name, String externalId, String kind, Boolean active) {

  public static LocationQuery all() {
    return new LocationQuery(null, null, null, null);
  }
}
