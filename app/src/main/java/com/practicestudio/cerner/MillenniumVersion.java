package com.practicestudio.cerner;

import static com.practicestudio.cerner.CernerFeature.FHIR_DOCUMENT_WRITE;
import static com.practicestudio.cerner.CernerFeature.FHIR_LAST_UPDATED_SEARCH;
import static com.practicestudio.cerner.CernerFeature.FHIR_OBSERVATION_WRITE;
import static com.practicestudio.cerner.CernerFeature.FHIR_READ;
import static com.practicestudio.cerner.CernerFeature.FHIR_SLOT_BOOKING;
import static com.practicestudio.cerner.CernerFeature.MILLENNIUM_PERSON_SEARCH;
import static com.practicestudio.cerner.CernerFeature.MILLENNIUM_SLOT_BOOKING;
import static com.practicestudio.cerner.CernerFeature.SMART_LAUNCH;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Millennium release a domain runs, and the compatibility table: which of our features it can
 * serve. A feature the version lacks is switched off for the domain whatever else is configured.
 *
 * <p>Cerner does not publish a per-release table for its R4 APIs; the published R4 reference
 * (fhir.cerner.com/millennium/r4, docs.oracle.com …/mfrap) documents the capabilities themselves
 * (Observation and DocumentReference create, Slot search returning free slots only, Appointment
 * create, {@code _lastUpdated} on Encounter search) without naming the code level they need. The
 * release floors below are therefore <b>assumptions</b>, kept conservative, and listed with their
 * reasons in {@code docs/cerner.md}; the domain's own CapabilityStatement (checked by the
 * connectivity test) is the final word.
 */
public enum MillenniumVersion {
  /** Millennium 2015: R4 reads and SMART launches only (assumed), Millennium person search. */
  V2015("2015", EnumSet.of(FHIR_READ, SMART_LAUNCH, MILLENNIUM_PERSON_SEARCH)),
  /** Millennium 2018: adds R4 writes of results and documents and booking (assumed floor). */
  V2018(
      "2018",
      EnumSet.of(
          FHIR_READ,
          SMART_LAUNCH,
          FHIR_OBSERVATION_WRITE,
          FHIR_DOCUMENT_WRITE,
          FHIR_SLOT_BOOKING,
          MILLENNIUM_PERSON_SEARCH,
          MILLENNIUM_SLOT_BOOKING)),
  /** Millennium 2020 and later: everything, including {@code _lastUpdated} delta searches. */
  V2020_PLUS("2020+", EnumSet.allOf(CernerFeature.class)),
  /**
   * CommunityWorks (Cerner-hosted Millennium at current code levels): every FHIR feature; the
   * site-hosted Millennium web services are not offered to third parties there (assumed).
   */
  COMMUNITY_WORKS(
      "CommunityWorks",
      EnumSet.of(
          FHIR_READ,
          SMART_LAUNCH,
          FHIR_OBSERVATION_WRITE,
          FHIR_DOCUMENT_WRITE,
          FHIR_SLOT_BOOKING,
          FHIR_LAST_UPDATED_SEARCH));

  private final String wire;
  private final Set<CernerFeature> features;

  MillenniumVersion(String wire, Set<CernerFeature> features) {
    this.wire = wire;
    this.features = features;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public boolean supports(CernerFeature feature) {
    return features.contains(feature);
  }

  public Set<CernerFeature> features() {
    return EnumSet.copyOf(features);
  }

  public static Optional<MillenniumVersion> fromWire(String text) {
    return Arrays.stream(values()).filter(v -> v.wire.equalsIgnoreCase(strip(text))).findFirst();
  }

  @JsonCreator
  static MillenniumVersion json(String text) {
    return fromWire(text).orElse(null);
  }

  public static List<String> wires() {
    return Arrays.stream(values()).map(MillenniumVersion::wire).toList();
  }

  private static String strip(String text) {
    return text == null ? "" : text.strip();
  }
}
