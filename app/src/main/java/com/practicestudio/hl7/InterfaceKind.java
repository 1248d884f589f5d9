package com.practicestudio.hl7;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An interface receives (an MLLP listener) or sends (an MLLP sender). */
public enum InterfaceKind {
  LISTENER,
  SENDER;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<InterfaceKind> fromWire(String text) {
    return text == null
        ? Optional.empty()
        : Arrays.stream(values()).filter(k -> k.wire().equalsIgnoreCase(text.strip())).findFirst();
  }
}
