package com.practicestudio.journal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the handler for a row from the {@link Handles} patterns. Resolved on first use, so that
 * handler beans may depend on the journal's services without a cycle.
 */
final class HandlerRoutes {

  /** One pattern: channel and direction exactly, type exactly or by prefix. */
  record Route(
      Channel channel,
      Direction direction,
      String type,
      boolean prefix,
      ExchangeHandler handler,
      String source) {

    boolean matches(Exchange e) {
      return channel == e.channel()
          && direction == e.direction()
          && (prefix ? e.messageType().startsWith(type) : e.messageType().equals(type));
    }

    String pattern() {
      return channel + " " + direction + " " + type + (prefix ? "*" : "");
    }

    /** Exact first, then longer prefixes. */
    int specificity() {
      return prefix ? type.length() : Integer.MAX_VALUE;
    }
  }

  private final Supplier<List<Route>> source;
  private volatile List<Route> routes;

  HandlerRoutes(Supplier<List<Route>> source) {
    this.source = source;
  }

  static HandlerRoutes of(Map<String, ExchangeHandler> byPattern) {
    List<Route> routes = new ArrayList<>();
    byPattern.forEach((pattern, handler) -> routes.add(parse(pattern, handler, pattern)));
    return new HandlerRoutes(() -> routes);
  }

  /** Parses {@code "<CHANNEL> <DIRECTION> <type>"}; {@code source} names the bean in errors. */
  static Route parse(String pattern, ExchangeHandler handler, String source) {
    String[] parts = pattern.trim().split("\\s+");
    if (parts.length != 3) {
      throw new IllegalStateException(
          "@Handles(\""
              + pattern
              + "\") on "
              + source
              + ": expected '<CHANNEL> <DIRECTION> <type>'");
    }
    try {
      Channel channel = Channel.valueOf(parts[0].toUpperCase(Locale.ROOT));
      Direction direction = Direction.valueOf(parts[1].toUpperCase(Locale.ROOT));
      String type = parts[2];
      boolean prefix = type.endsWith("*");
      return new Route(
          channel,
          direction,
          prefix ? type.substring(0, type.length() - 1) : type,
          prefix,
          handler,
          source);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "@Handles(\"" + pattern + "\") on " + source + ": unknown channel or direction", e);
    }
  }

  Optional<ExchangeHandler> find(Exchange exchange) {
    for (Route route : routes()) {
      if (route.matches(exchange)) {
        return Optional.of(route.handler());
      }
    }
    return Optional.empty();
  }

  /** All routes, most specific first; checks that no pattern is declared twice. */
  List<Route> routes() {
    List<Route> resolved = routes;
    if (resolved == null) {
      List<Route> all = new ArrayList<>(source.get());
      Map<String, Route> seen = new HashMap<>();
      for (Route route : all) {
        Route before = seen.putIfAbsent(route.pattern(), route);
        if (before != null) {
          throw new IllegalStateException(
              "two handlers for '"
                  + route.pattern()
                  + "': "
                  + before.source()
                  + " and "
                  + route.source());
        }
      }
      all.sort(Comparator.comparingInt(Route::specificity).reversed());
      resolved = List.copyOf(all);
      routes = resolved;
    }
    return resolved;
  }
}
