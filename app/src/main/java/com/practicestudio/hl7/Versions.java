package com.practicestudio.hl7;

import com.practicestudio.web.InvalidRequestException;

/** Reads an {@code If-Match} version ({@code "3"}, {@code W/"3"} or {@code 3}). */
final class Versions {

  private Versions() {}

  static Integer parse(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String v = ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("If-Match", "must be the version, e.g. \"3\"");
    }
  }
}
