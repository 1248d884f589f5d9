package com.practicestudio.hl7;

import com.practicestudio.codemaps.CodeMapKind;
import java.time.Instant;

/**
 * One filter or transformation rule of an interface. Filter rules are tried in {@code position}
 * order and the first that matches decides; a message that no filter rule accepts (or ignores) is
 * answered AR. Transformation rules all run, in order, each on the result of the one before, when a
 * message is applied (the journal keeps the message as received).
 *
 * @param targetPath the field a transformation changes
 * @param sourcePath {@code copy}: the field copied
 * @param value {@code set}: the value ({@code ""} writes the explicit null); {@code strip-prefix}:
 *     the prefix
 * @param codeMapKind {@code map}: the code map kind, e.g. {@code gender}
 * @param codeSystem {@code map}: the code system or Cerner code set; null = any of the kind
 */
public record Hl7Rule(
    long id,
    long interfaceId,
    RuleKind kind,
    int position,
    RuleAction action,
    boolean enabled,
    String description,
    RuleMatch match,
    String targetPath,
    String sourcePath,
    String value,
    String codeMapKind,
    String codeSystem,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * What keeps this transformation rule from being applied, e.g. {@code "needs a source field"} for
   * a copy rule saved before the source became required, or a map rule without a known code map
   * kind; null when it can be applied. The console flags such a rule and {@link RuleEngine} fails
   * the messages it matches.
   */
  public String defect() {
    if (kind != RuleKind.TRANSFORM) {
      return null;
    }
    if (targetPath == null || targetPath.isBlank()) {
      return "needs a target field";
    }
    if (action == RuleAction.COPY && (sourcePath == null || sourcePath.isBlank())) {
      return "needs a source field";
    }
    // without a kind (or with one no longer known) nothing translates: every value stays as it
    // came, and nothing says so but a note in the trial
    if (action == RuleAction.MAP && CodeMapKind.fromWire(codeMapKind).isEmpty()) {
      return "needs a code map kind";
    }
    return null;
  }

  /** How the console and logs name it: {@code filter #2 (accept)}. */
  public String label() {
    return kind.wire() + " #" + position + " (" + action.wire() + ")";
  }
}
