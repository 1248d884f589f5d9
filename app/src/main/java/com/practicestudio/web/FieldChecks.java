package com.practicestudio.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects the bad fields of one request so that a single 400 names them all. Messages never echo
 * the value (it may be PHI). Used by services, so every caller (API, console, message handlers)
 * gets the same checks.
 */
public final class FieldChecks {

  /** The largest amount a {@code numeric(12,2)} column holds. */
  public static final BigDecimal MAX_MONEY = new BigDecimal("9999999999.99");

  private final List<FieldProblem> problems = new ArrayList<>();

  public FieldChecks problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
    return this;
  }

  /** Records a problem unless {@code ok}. */
  public FieldChecks check(boolean ok, String field, String message) {
    if (!ok) {
      problem(field, message);
    }
    return this;
  }

  public boolean has(String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  public <T> T required(String field, T value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      problem(field, "is required");
      return null;
    }
    return value;
  }

  /** Optional text: trimmed, blank becomes null, longer than {@code maxLength} is a problem. */
  public String text(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      problem(field, "must be at most " + maxLength + " characters");
    }
    return trimmed;
  }

  public String requiredText(String field, String value, int maxLength) {
    return required(field, value) == null ? null : text(field, value, maxLength);
  }

  /** Optional code from a fixed list; answers it as listed, or null. */
  public String oneOf(String field, String value, Collection<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (!allowed.contains(trimmed)) {
      problem(field, "must be one of " + String.join(", ", allowed));
      return null;
    }
    return trimmed;
  }

  /** Money in USD: at most 2 decimal places (never silently rounded), within numeric(12,2). */
  public BigDecimal money(String field, BigDecimal value) {
    if (value == null) {
      return null;
    }
    if (value.stripTrailingZeros().scale() > 2) {
      problem(field, "must have at most 2 decimal places");
      return null;
    }
    if (value.abs().compareTo(MAX_MONEY) > 0) {
      problem(field, "must be at most " + MAX_MONEY.toPlainString());
      return null;
    }
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public List<FieldProblem> problems() {
    return List.copyOf(problems);
  }

  /** Throws {@link InvalidRequestException} naming every problem found so far. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }
}
