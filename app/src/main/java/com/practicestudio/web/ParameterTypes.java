package com.practicestudio.web;

import java.util.Arrays;

/** How a request parameter's type reads in an error ("must be a number"). */
final class ParameterTypes {

  private ParameterTypes() {}

  static String describe(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "a date (YYYY-MM-DD)";
      case "Instant" -> "an instant (e.g. 2026-11-19T14:30:00Z)";
      case "UUID" -> "a UUID";
      default -> "a " + type.getSimpleName();
    };
  }
}
