package com.practicestudio.scheduling;

import com.practicestudio.web.FieldChecks;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that the patients, providers and locations an appointment names exist (plain SQL on the
 * patients feature's tables, until its services can be used here).
 */
@Component
class SchedulingReferences {

  private static final Logger log = LoggerFactory.getLogger(SchedulingReferences.class);

  private final JdbcClient jdbc;
  private final SchedulingProperties settings;

  SchedulingReferences(JdbcClient jdbc, SchedulingProperties settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  void patient(FieldChecks checks, String field, Long id) {
    if (id == null) {
      return;
    }
    Optional<Boolean> merged =
        jdbc.sql("SELECT merged_into_id IS NOT NULL FROM patient WHERE id = ?")
            .param(id)
            .query(Boolean.class)
            .optional();
    if (merged.isEmpty()) {
      checks.problem(field, "names no patient");
    } else if (merged.get()) {
      checks.problem(field, "names a merged patient; use the surviving patient");
    }
  }

  void provider(FieldChecks checks, String field, Long id) {
    if (id != null && !exists("provider", id)) {
      checks.problem(field, "names no provider");
    }
  }

  void location(FieldChecks checks, String field, Long id) {
    if (id != null && !exists("location", id)) {
      checks.problem(field, "names no location");
    }
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

  private boolean exists(String table, long id) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?)")
        .param(id)
        .query(Boolean.class)
        .single();
  }
}
