package com.practicestudio.cerner;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What we can do with a Cerner domain. Whether a domain offers a feature depends on its Millennium
 * release ({@link MillenniumVersion}), its enabled web services and its enabled flag: ask {@link
 * CernerDomain#supports}.
 */
public enum CernerFeature {
  /** FHIR R4 reads and searches: Patient, Practitioner, Location, Encounter, results, documents. */
  FHIR_READ,
  /** SMART on FHIR EHR and standalone launches. */
  SMART_LAUNCH,
  /** FHIR R4 Observation create (vital signs, laboratory). */
  FHIR_OBSERVATION_WRITE,
  /** FHIR R4 DocumentReference create. */
  FHIR_DOCUMENT_WRITE,
  /** FHIR R4 Slot search and Appointment booking on a slot. */
  FHIR_SLOT_BOOKING,
  /** FHIR searches by {@code _lastUpdated} (delta sync). */
  FHIR_LAST_UPDATED_SEARCH,
  /** Millennium web service: person search. */
  MILLENNIUM_PERSON_SEARCH,
  /** Millennium web service: booking on a slot. */
  MILLENNIUM_SLOT_BOOKING;

  /** {@code fhir-observation-write} … as the API shows it. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
