package com.practicestudio.hl7;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * When an original-mode ACK leaves. {@code after-store} (default): as soon as the message is
 * committed in the journal. {@code after-apply}: once a worker applied it (AA) or failed it (AE
 * with the error code), waiting at most the listener's apply timeout (then AE {@code HL7-053}: the
 * message is stored and will be applied; a resend is answered with its outcome).
 */
public enum AckTiming {
  AFTER_STORE,
  AFTER_APPLY;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<AckTiming> fromWire(String text) {
    return text == null
        ? Optional.empty()
        : Arrays.stream(values()).filter(t -> t.wire().equalsIgnoreCase(text.strip())).findFirst();
  }
}
