package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A search's parameters with Cerner's rules: a required parameter must be there (else 400), most
 * may be given at most once, paging parameters are set aside. Parameters a resource does not
 * support are ignored, as Cerner does.
 */
final class SearchRequest {

  static final String PAGE_CONTEXT = "-pageContext";
  static final String PAGE_DIRECTION = "-pageDirection";
  private static final Set<String> CONTROL =
      Set.of("_count", PAGE_CONTEXT, PAGE_DIRECTION, "_format", "_pretty");

  private final String type;
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final Map<String, String> modifiers = new LinkedHashMap<>();
  private final Map<String, String[]> raw;

  SearchRequest(String type, Map<String, String[]> parameters) {
    this.type = type;
    this.raw = parameters;
    Set<String> supported = new java.util.HashSet<>();
    SearchSpec.of(type).forEach(p -> supported.add(p.name()));
    parameters.forEach(
        (key, given) -> {
          String name = key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
          if (supported.contains(name)) {
            values.computeIfAbsent(name, n -> new ArrayList<>()).addAll(Arrays.asList(given));
            if (key.contains(":")) {
              modifiers.put(name, key.substring(key.indexOf(':') + 1));
            }
          }
        });
  }

  /** 400 unless at least one of the names is given. */
  void requireOneOf(String... names) {
    for (String name : names) {
      if (values.containsKey(name)) {
        return;
      }
    }
    throw new InvalidRequestException(
        type + " search requires one of the parameters " + String.join(", ", names));
  }

  /** 400 when any of these is given more than once. */
  void atMostOnce(String... names) {
    for (String name : names) {
      if (values.getOrDefault(name, List.of()).size() > 1) {
        throw new InvalidRequestException("The " + name + " parameter may be given only once");
      }
    }
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Optional<String> single(String name) {
    List<String> given = values.get(name);
    return given == null || given.isEmpty() ? Optional.empty() : Optional.of(given.get(0));
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The comma-separated values of a single parameter. */
  List<String> list(String name) {
    return single(name).map(v -> Arrays.asList(v.split(","))).orElse(List.of());
  }

  boolean exact(String name) {
    return "exact".equals(modifiers.get(name));
  }

  /** Ids from a reference parameter ({@code 123} or {@code Patient/123}, comma-separated). */
  List<String> referenceIds(String name) {
    List<String> ids = new ArrayList<>();
    for (String value : list(name)) {
      ids.add(value.contains("/") ? value.substring(value.lastIndexOf('/') + 1) : value);
    }
    return ids;
  }

  int count(int defaultCount, int maximum) {
    String[] count = raw.get("_count");
    if (count == null || count.length == 0) {
      return defaultCount;
    }
    try {
      int value = Integer.parseInt(count[0]);
      if (value < 1) {
        throw new InvalidRequestException("_count must be at least 1");
      }
      return Math.min(value, maximum);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("_count must be a number");
    }
  }

  int offset() {
    String[] context = raw.get(PAGE_CONTEXT);
    if (context == null || context.length == 0) {
      return 0;
    }
    try {
      return Integer.parseInt(
          new String(
              java.util.Base64.getUrlDecoder().decode(context[0]),
              java.nio.charset.StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("The " + PAGE_CONTEXT + " parameter is not valid");
    }
  }

  /** The parameters to repeat in the next link: all but the page context. */
  Map<String, String[]> forNextPage() {
    Map<String, String[]> kept = new LinkedHashMap<>();
    raw.forEach(
        (key, value) -> {
          if (!CONTROL.contains(key) || "_count".equals(key)) {
            kept.put(key, value);
          }
        });
    return kept;
  }
}
