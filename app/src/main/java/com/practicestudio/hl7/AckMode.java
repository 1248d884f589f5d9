package com.practicestudio.hl7;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a listener acknowledges. {@code original}: one ACK per message (AA/AE/AR). {@code enhanced}:
 * for messages that fill MSH-15 or MSH-16, a commit ACK (CA/CE/CR) once stored, then an application
 * ACK (AA/AE) once applied when MSH-16 asks for it, sent through the listener's reply sender;
 * messages with both empty are acknowledged in original mode, as HL7 prescribes.
 */
public enum AckMode {
  ORIGINAL,
  ENHANCED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AckMode> fromWire(String text) {
    return text == null
        ? Optional.empty()
        : Arrays.stream(values()).filter(m -> m.wire().equalsIgnoreCase(text.strip())).findFirst();
  }
}
