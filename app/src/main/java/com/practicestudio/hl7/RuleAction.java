package com.practicestudio.hl7;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a rule does. Filters: {@code accept} (take it and apply it), {@code ignore} (take it,
 * acknowledge it, record it as IGNORED without applying it), {@code reject} (AR). Transformations:
 * {@code set} a field to a value, {@code copy} one field to another, {@code clear} a field, {@code
 * map} a field's code through a code map, {@code strip-prefix} from a field's value.
 */
public enum RuleAction {
  ACCEPT(RuleKind.FILTER),
  IGNORE(RuleKind.FILTER),
  REJECT(RuleKind.FILTER),
  SET(RuleKind.TRANSFORM),
  COPY(RuleKind.TRANSFORM),
  CLEAR(RuleKind.TRANSFORM),
  MAP(RuleKind.TRANSFORM),
  STRIP_PREFIX(RuleKind.TRANSFORM);

  private final RuleKind kind;

  RuleAction(RuleKind kind) {
    this.kind = kind;
  }

  public RuleKind kind() {
    return kind;
  }

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<RuleAction> fromWire(String text) {
    return text == null
        ? Optional.empty()
        : Arrays.stream(values()).filter(a -> a.wire().equalsIgnoreCase(text.strip())).findFirst();
  }

  static String names(RuleKind kind) {
    return String.join(
        ", ", Arrays.stream(values()).filter(a -> a.kind == kind).map(RuleAction::wire).toList());
  }
}
