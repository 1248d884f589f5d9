package com.practicestudio.cerner;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Millennium web services a domain may enable (besides FHIR). */
public enum MillenniumService {
  PERSON_SEARCH("person-search", CernerFeature.MILLENNIUM_PERSON_SEARCH),
  SLOT_BOOKING("slot-booking", CernerFeature.MILLENNIUM_SLOT_BOOKING);

  private final String wire;
  private final CernerFeature feature;

  MillenniumService(String wire, CernerFeature feature) {
    this.wire = wire;
    this.feature = feature;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public CernerFeature feature() {
    return feature;
  }

  public static Optional<MillenniumService> fromWire(String text) {
    return Arrays.stream(values())
        .filter(s -> s.wire.equalsIgnoreCase(text == null ? "" : text.strip()))
        .findFirst();
  }

  @JsonCreator
  static MillenniumService json(String text) {
    return fromWire(text).orElse(null);
  }

  public static List<String> wires() {
    return Arrays.stream(values()).map(MillenniumService::wire).toList();
  }
}
