package com.practicestudio.scheduling;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Time zones of the locations appointments are at. */
@Component
class SchedulingZones {

  private static final Logger log = LoggerFactory.getLogger(SchedulingZones.class);

  private final JdbcClient jdbc;
  private final SchedulingProperties settings;

  SchedulingZones(JdbcClient jdbc, SchedulingProperties settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** The location's time zone; empty when there is no such location. */
  Optional<ZoneId> zoneOf(long locationId) {
    return jdbc.sql("SELECT time_zone FROM location WHERE id = ?")
        .param(locationId)
        .query(String.class)
        .optional()
        .map(zone -> zone(locationId, zone));
  }

  /** A stored zone name, or the default zone when it is not one. */
  ZoneId zone(Long locationId, String name) {
    if (name == null) {
      return settings.defaultTimeZone();
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      log.warn(
          "Location {} has an unknown time zone; using {}", locationId, settings.defaultTimeZone());
      return settings.defaultTimeZone();
    }
  }
}
