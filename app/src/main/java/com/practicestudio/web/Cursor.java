package com.practicestudio.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors: the sort key of the last row a page returned, base64url-encoded, so
 * clients cannot come to depend on what is inside.
 */
public final class Cursor {

  private Cursor() {}

  public static String encode(String sortKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
  }

  public static String encode(long id) {
    return encode(Long.toString(id));
  }

  public static String decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("cursor", "is not a cursor this server issued");
    }
  }

  /** The id after which the next page starts; 0 when there is no cursor. */
  public static long decodeId(String cursor) {
    String key = decode(cursor);
    if (key == null) {
      return 0;
    }
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("cursor", "is not a cursor this server issued");
    }
  }

  /** Builds a page from {@code limit + 1} fetched rows: the extra row only says there is more. */
  public static <T> Page<T> page(
      java.util.List<T> fetched, int limit, java.util.function.Function<T, String> sortKey) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, null);
    }
    java.util.List<T> items = fetched.subList(0, limit);
    return new Page<>(java.util.List.copyOf(items), encode(sortKey.apply(items.get(limit - 1))));
  }
}
