package com.practicestudio.hl7;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.hl7v2.Hl7Path;
import com.practicestudio.web.FieldChecks;

/**
 * Checks a {@link RuleInput}: kind and action agree, paths parse, each action has what it needs.
 */
final class RuleValidator {

  /** A checked rule and where the client asked to put it (null = last). */
  record Checked(RuleRepository.Row row, Integer position) {}

  Checked check(RuleInput in, RuleKind existingKind) {
    FieldChecks checks = new FieldChecks();
    RuleKind kind = kind(in.kind(), existingKind, checks);
    RuleAction action = null;
    if (in.action() == null || in.action().isBlank()) {
      checks.problem("action", "is required");
    } else {
      action = RuleAction.fromWire(in.action()).orElse(null);
      if (action == null || (kind != null && action.kind() != kind)) {
        checks.problem(
            "action", "must be one of " + RuleAction.names(kind == null ? RuleKind.FILTER : kind));
        action = null;
      }
    }
    checks.check(
        in.position() == null || (in.position() >= 1 && in.position() <= 1000),
        "position",
        "must be between 1 and 1000");
    RuleMatch match = match(in.match(), checks);
    String description = checks.text("description", in.description(), 200);
    String target = null;
    String source = null;
    String value = null;
    String mapKind = null;
    String system = null;
    if (action != null && kind == RuleKind.TRANSFORM) {
      target = path("targetPath", in.targetPath(), true, checks);
      switch (action) {
        case SET -> value = required("value", in.value(), checks, false);
        // without a source a copy rule would save and then fail every message it matches
        case COPY -> source = path("sourcePath", in.sourcePath(), true, checks);
        case STRIP_PREFIX -> value = required("value", in.value(), checks, true);
        case MAP -> {
          String k = checks.requiredText("codeMapKind", in.codeMapKind(), 40);
          if (k != null) {
            mapKind = CodeMapKind.fromWire(k).map(CodeMapKind::wire).orElse(null);
            checks.check(mapKind != null, "codeMapKind", "must be a code map kind");
          }
          system = checks.text("codeSystem", in.codeSystem(), 200);
        }
        default -> {}
      }
    } else if (kind == RuleKind.FILTER) {
      checks.check(in.targetPath() == null, "targetPath", "applies to transformation rules only");
      checks.check(in.value() == null, "value", "applies to transformation rules only");
    }
    checks.throwIfAny();
    boolean enabled = in.enabled() == null || in.enabled();
    return new Checked(
        new RuleRepository.Row(
            kind, action, enabled, description, match, target, source, value, mapKind, system),
        in.position());
  }

  private static RuleKind kind(String text, RuleKind existing, FieldChecks checks) {
    if (text == null || text.isBlank()) {
      if (existing == null) {
        checks.problem("kind", "is required (filter or transform)");
      }
      return existing;
    }
    RuleKind kind = RuleKind.fromWire(text).orElse(null);
    if (kind == null) {
      checks.problem("kind", "must be filter or transform");
    } else if (existing != null && kind != existing) {
      checks.problem("kind", "cannot change");
    }
    return kind;
  }

  private static RuleMatch match(RuleMatch in, FieldChecks checks) {
    if (in == null) {
      return RuleMatch.ANY;
    }
    String fieldPath = path("match.fieldPath", in.fieldPath(), false, checks);
    if (fieldPath == null && in.fieldValue() != null && !in.fieldValue().isEmpty()) {
      checks.problem("match.fieldValue", "needs match.fieldPath");
    }
    return new RuleMatch(
        list("match.messageType", in.messageType(), checks),
        list("match.triggerEvent", in.triggerEvent(), checks),
        list("match.sendingFacility", in.sendingFacility(), checks),
        fieldPath,
        fieldPath == null || in.fieldValue() == null ? null : in.fieldValue());
  }

  private static String list(String field, String value, FieldChecks checks) {
    String text = checks.text(field, value, 500);
    return text == null ? null : String.join(", ", text.split("\\s*,\\s*"));
  }

  private static String path(String field, String value, boolean required, FieldChecks checks) {
    if (value == null || value.isBlank()) {
      if (required) {
        checks.problem(field, "is required");
      }
      return null;
    }
    try {
      Hl7Path path = Hl7Path.of(value.strip());
      if (field.equals("targetPath") && path.segment().equals("MSH") && path.field() <= 2) {
        checks.problem(field, "cannot be MSH-1 or MSH-2");
      }
      return path.toString();
    } catch (Hl7ParseException e) {
      checks.problem(field, "must be a field path such as PID-3(1).5");
      return null;
    }
  }

  private static String required(String field, String value, FieldChecks checks, boolean nonEmpty) {
    if (value == null || (nonEmpty && value.isEmpty())) {
      checks.problem(field, "is required");
      return null;
    }
    checks.check(value.length() <= 500, field, "must be at most 500 characters");
    checks.check(value.indexOf('\r') < 0 && value.indexOf('\n') < 0, field, "must be on one line");
    return value;
  }
}
