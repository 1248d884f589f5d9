package com.practicestudio.sandbox.ccl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to run: a named script or CCL text (exactly one), with {@code $} parameters bound as values
 * (String, Number or null; names with or without the {@code $}, any case).
 */
public record CclRequest(String script, String text, Map<String, Object> parameters) {

  public CclRequest {
    parameters =
        parameters == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public static CclRequest script(String name, Map<String, Object> parameters) {
    return new CclRequest(name, null, parameters);
  }

  public static CclRequest text(String text, Map<String, Object> parameters) {
    return new CclRequest(null, text, parameters);
  }
}
