package com.practicestudio.hl7;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Filter rules decide whether a message is taken; transformation rules change it. */
public enum RuleKind {
  FILTER,
  TRANSFORM;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RuleKind> fromWire(String text) {
    return text == null
        ? Optional.empty()
        : Arrays.stream(values()).filter(k -> k.wire().equalsIgnoreCase(text.strip())).findFirst();
  }
}
