package com.practicestudio.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A claim's life: draft → ready → submitted → accepted → paid, with rejected (back to draft for a
 * fix) and denied on the way. Paid and denied are final. Staying in the same status is allowed.
 */
public enum ClaimStatus {
  DRAFT,
  READY,
  SUBMITTED,
  ACCEPTED,
  REJECTED,
  PAID,
  DENIED;

  public static final List<String> CODES = Arrays.stream(values()).map(ClaimStatus::code).toList();

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The statuses this one may change to. */
  public Set<ClaimStatus> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(READY);
      case READY -> EnumSet.of(DRAFT, SUBMITTED);
      // a remittance may settle a submitted claim without an acceptance first
      case SUBMITTED -> EnumSet.of(ACCEPTED, REJECTED, PAID, DENIED);
      case ACCEPTED -> EnumSet.of(PAID, DENIED);
      case REJECTED -> EnumSet.of(DRAFT);
      case PAID, DENIED -> EnumSet.noneOf(ClaimStatus.class);
    };
  }

  public boolean canBecome(ClaimStatus target) {
    return target == this || next().contains(target);
  }

  /** Whether its payer, coverage and billing provider may still change. */
  public boolean isEditable() {
    return this == DRAFT || this == READY;
  }

  public static Optional<ClaimStatus> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
