package com.practicestudio.web;

import java.util.List;

/**
 * The list shape of every API list endpoint: {@code {"items": [...], "next": "<cursor or null>"}}.
 */
public record Page<T>(List<T> items, String next) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  /** Checks a client's limit (null means the default). */
  public static int limit(Integer requested) {
    if (requested == null) {
      return DEFAULT_LIMIT;
    }
    if (requested < 1 || requested > MAX_LIMIT) {
      throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return requested;
  }
}
