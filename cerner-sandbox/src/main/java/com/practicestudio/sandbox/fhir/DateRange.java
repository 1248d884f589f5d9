package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A half-open instant range [from, to) built from FHIR date search values with prefixes (eq, ge,
 * gt, le, lt). A value without a time means the whole day in the domain's zone.
 */
record DateRange(Instant from, Instant to) {

  static final ZoneId DOMAIN_ZONE = ZoneId.of("America/Chicago");

  static DateRange parse(String name, List<String> values, boolean allowTime) {
    Instant from = Instant.MIN;
    Instant to = Instant.MAX;
    for (String value : values) {
      String prefix = "eq";
      String text = value;
      if (value.length() > 2
          && Character.isLetter(value.charAt(0))
          && Character.isLetter(value.charAt(1))) {
        prefix = value.substring(0, 2);
        text = value.substring(2);
      }
      Instant[] span = span(name, text, allowTime);
      switch (prefix) {
        case "eq" -> {
          from = max(from, span[0]);
          to = min(to, span[1]);
        }
        case "ge" -> from = max(from, span[0]);
        case "gt" -> from = max(from, span[1]);
        case "le" -> to = min(to, span[1]);
        case "lt" -> to = min(to, span[0]);
        default ->
            throw new InvalidRequestException("Unsupported prefix " + prefix + " on " + name);
      }
    }
    return new DateRange(from, to);
  }

  /** Requires exactly two values: a lower (ge/gt) and an upper (le/lt) bound. */
  static DateRange bounded(String name, List<String> values, boolean allowTime) {
    boolean lower = values.stream().anyMatch(v -> v.startsWith("ge") || v.startsWith("gt"));
    boolean upper = values.stream().anyMatch(v -> v.startsWith("le") || v.startsWith("lt"));
    if (values.size() != 2 || !lower || !upper) {
      throw new InvalidRequestException(
          "The " + name + " parameter must be given twice, with a ge/gt and a le/lt prefix");
    }
    return parse(name, values, allowTime);
  }

  boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(to);
  }

  boolean contains(LocalDate date) {
    return contains(date.atStartOfDay(DOMAIN_ZONE).toInstant());
  }

  private static Instant[] span(String name, String text, boolean allowTime) {
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return new Instant[] {
          day.atStartOfDay(DOMAIN_ZONE).toInstant(),
          day.plusDays(1).atStartOfDay(DOMAIN_ZONE).toInstant()
        };
      }
      if (!allowTime) {
        throw new InvalidRequestException("The " + name + " parameter must not have a time");
      }
      Instant at = OffsetDateTime.parse(text).toInstant();
      return new Instant[] {at, at.plusSeconds(1)};
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("The " + name + " parameter is not a valid date");
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
