package com.practicestudio.sandbox.ccl;

import com.practicestudio.sandbox.data.CodeValue;
import com.practicestudio.sandbox.data.Coded;
import com.practicestudio.sandbox.data.LocationRecord;
import com.practicestudio.sandbox.data.MillenniumCodes;
import com.practicestudio.sandbox.data.ProviderRecord;
import com.practicestudio.sandbox.data.SandboxData;
import com.practicestudio.sandbox.data.Sex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The domain's code values (CODE_VALUE): those the seeded records carry, the extra ones of {@link
 * DomainCodes}, locations (code set 220) and scheduling resources (code set 14231, one per
 * provider, its code value the provider's PERSONNEL id). Backs the UAR_GET_CODE_* functions.
 */
final class CodeValueRows {

  private static final java.time.Instant BEGIN_OF_CODES =
      java.time.Instant.parse("2000-01-01T00:00:00Z");

  private final Map<Long, CodeValue> byValue = new TreeMap<>();
  private final Map<Long, Long> facilityOfLocation = new TreeMap<>();

  CodeValueRows(SandboxData data) {
    Stream.of(
            Stream.of(MillenniumCodes.MRN, MillenniumCodes.SSN, MillenniumCodes.FIN_NBR),
            Stream.of(Sex.values()).map(MillenniumCodes::sex),
            coded(MillenniumCodes.RACES),
            coded(MillenniumCodes.MARITAL),
            coded(List.of(MillenniumCodes.HISPANIC, MillenniumCodes.NOT_HISPANIC)),
            coded(
                List.of(
                    MillenniumCodes.ENGLISH,
                    MillenniumCodes.SPANISH,
                    MillenniumCodes.KOREAN,
                    MillenniumCodes.CHINESE,
                    MillenniumCodes.ARABIC,
                    MillenniumCodes.OUTPATIENT,
                    MillenniumCodes.EMERGENCY)),
            MillenniumCodes.APPOINTMENT_TYPES.stream().map(t -> t.coded().millennium()),
            DomainCodes.ALL.stream(),
            DomainCodes.ENCOUNTER_STATUSES.stream(),
            DomainCodes.SCHEDULING_STATES.stream())
        .flatMap(s -> s)
        .forEach(this::add);
    data.patients().stream()
        .flatMap(p -> Stream.of(p.language(), p.race(), p.ethnicity(), p.maritalStatus()))
        .forEach(this::add);
    data.encounters().forEach(e -> add(e.type()));
    data.appointments().forEach(a -> add(a.serviceType()));
    data.locations().forEach(this::addLocation);
    data.providers().forEach(this::addResource);
  }

  private static Stream<CodeValue> coded(List<Coded> codes) {
    return codes.stream().map(Coded::millennium);
  }

  private void add(Coded coded) {
    if (coded != null) {
      add(coded.millennium());
    }
  }

  private void add(CodeValue code) {
    byValue.putIfAbsent(code.value(), code);
  }

  private void addLocation(LocationRecord location) {
    add(
        new CodeValue(
            DomainCodes.LOCATION, location.locationId(), location.name(), location.kind().name()));
    long facility = location.parentId() != null ? location.parentId() : location.locationId();
    facilityOfLocation.put(location.locationId(), facility);
  }

  private void addResource(ProviderRecord provider) {
    add(
        new CodeValue(
            DomainCodes.SCHEDULING_RESOURCE,
            provider.personnelId(),
            provider.name().formatted(),
            "PERSONNEL"));
  }

  /** The facility a location belongs to (itself for a facility), or null. */
  Long facilityOf(long locationId) {
    return facilityOfLocation.get(locationId);
  }

  Optional<CodeValue> find(long value) {
    return Optional.ofNullable(byValue.get(value));
  }

  /**
   * UAR_GET_CODE_BY: the code of a set by {@code MEANING}, {@code DISPLAY} or {@code DISPLAYKEY}.
   */
  Optional<CodeValue> findBy(String kind, int codeSet, String value) {
    return byValue.values().stream()
        .filter(code -> code.codeSet() == codeSet)
        .filter(code -> value.equals(field(kind, code)))
        .findFirst();
  }

  private static String field(String kind, CodeValue code) {
    return switch (kind.toUpperCase(Locale.ROOT)) {
      case "MEANING" -> code.meaning();
      case "DISPLAY" -> code.display();
      case "DISPLAYKEY" -> DomainCodes.key(code.display());
      default -> null;
    };
  }

  List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (CodeValue code : byValue.values()) {
      rows.add(
          new Object[] {
            TableRows.num(code.value()),
            TableRows.num(code.codeSet()),
            code.display(),
            DomainCodes.key(code.display()),
            code.display(),
            code.meaning(),
            TableRows.num(1),
            BEGIN_OF_CODES,
            MillenniumTables.END_OF_TIME
          });
    }
    return rows;
  }
}
