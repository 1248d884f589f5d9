package com.practicestudio.sandbox.hl7;

import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.LocationRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.ProviderRecord;
import com.practicestudio.sandbox.data.SandboxData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.NoSuchElementException;

/** What the mappers read: the seeded domain, the profile, control ids and the clock. */
record Domain(SandboxData data, Hl7Profile profile, ControlIds controlIds, Clock clock) {

  Instant now() {
    return clock.instant();
  }

  LocationRecord location(long locationId) {
    return data.location(locationId)
        .orElseThrow(() -> new NoSuchElementException("no location " + locationId));
  }

  /** The facility a clinic belongs to (a facility is its own). */
  LocationRecord facility(LocationRecord location) {
    return location.parentId() == null ? location : location(location.parentId());
  }

  ProviderRecord provider(long personnelId) {
    return data.provider(personnelId)
        .orElseThrow(() -> new NoSuchElementException("no provider " + personnelId));
  }

  PatientRecord patient(long personId) {
    return data.patient(personId)
        .orElseThrow(() -> new NoSuchElementException("no patient " + personId));
  }

  ZoneId zone(long locationId) {
    return location(locationId).zone();
  }

  /**
   * The zone for a message about a person with no visit in it: the zone of the person's latest
   * encounter's location, else of the first facility.
   */
  ZoneId zoneOf(PatientRecord patient) {
    return data.encounters().stream()
        .filter(e -> e.patientId() == patient.personId())
        .max(Comparator.comparing(EncounterRecord::start))
        .map(e -> zone(e.locationId()))
        .orElseGet(this::defaultZone);
  }

  ZoneId defaultZone() {
    return data.locations().stream().findFirst().map(LocationRecord::zone).orElse(ZoneOffset.UTC);
  }
}
