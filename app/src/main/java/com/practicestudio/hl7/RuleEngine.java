package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.hl7v2.Hl7Path;
import com.practicestudio.hl7v2.MessageBuilder;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.hl7v2.ValueState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evaluates an interface's rules on a message: the filter decision and the transformations. Pure:
 * no database, no clock; code maps come in through {@link CodeTranslator}.
 */
final class RuleEngine {

  /** Translates a code through the code maps (the seam to {@code CodeMaps}). */
  @FunctionalInterface
  interface CodeTranslator {
    Optional<String> translate(String kind, String scope, String codeSystem, String code);
  }

  /** The filter's verdict and the rule that gave it (null when no rule matched: not accepted). */
  record Decision(Verdict verdict, Hl7Rule rule) {

    boolean taken() {
      return verdict != Verdict.REJECT;
    }

    /** The error a refusal carries: a rule rejected it, or no rule accepted it. */
    Hl7InterfaceError refusal() {
      return rule == null ? Hl7InterfaceError.NOT_ACCEPTED : Hl7InterfaceError.REJECTED_BY_RULE;
    }
  }

  enum Verdict {
    ACCEPT,
    IGNORE,
    REJECT
  }

  /** One transformation rule's run: whether it matched and changed something, and a note. */
  record Step(long ruleId, int position, RuleAction action, boolean fired, String note) {}

  /** The transformed message and what each rule did. */
  record Transformed(Hl7Message message, List<Step> steps) {}

  /**
   * A matching rule that cannot be applied because it lacks a field ({@link Hl7Rule#defect()}). The
   * message names the rule by label and id, never the message's content.
   */
  static final class IncompleteRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    IncompleteRuleException(Hl7Rule rule) {
      super(
          Hl7InterfaceError.RULE_INCOMPLETE.text()
              + ": "
              + rule.label()
              + ", rule "
              + rule.id()
              + ", "
              + rule.defect());
    }

    /** {@code HL7-068 …: transform #2 (copy), rule 17, needs a source field}. */
    String describe() {
      return Hl7InterfaceError.RULE_INCOMPLETE.code() + " " + getMessage();
    }
  }

  private RuleEngine() {}

  /** The first enabled filter rule (in position order) that matches decides. */
  static Decision decide(List<Hl7Rule> filters, Hl7Message message) {
    for (Hl7Rule rule : filters) {
      if (rule.enabled() && rule.kind() == RuleKind.FILTER && matches(rule.match(), message)) {
        return new Decision(verdict(rule.action()), rule);
      }
    }
    return new Decision(Verdict.REJECT, null);
  }

  /**
   * Runs the enabled transformation rules in order.
   *
   * @throws Hl7ParseException when a rule cannot be applied (e.g. a value needs a delimiter the
   *     message does not define)
   * @throws IncompleteRuleException when a matching rule lacks a field it needs
   */
  static Transformed transform(
      List<Hl7Rule> rules, Hl7Message message, CodeTranslator codes, String scope) {
    Hl7Message current = message;
    List<Step> steps = new ArrayList<>();
    for (Hl7Rule rule : rules) {
      if (!rule.enabled() || rule.kind() != RuleKind.TRANSFORM) {
        continue;
      }
      if (!matches(rule.match(), current)) {
        steps.add(new Step(rule.id(), rule.position(), rule.action(), false, "conditions not met"));
        continue;
      }
      if (rule.defect() != null) {
        throw new IncompleteRuleException(rule);
      }
      Applied applied = apply(rule, current, codes, scope);
      steps.add(
          new Step(rule.id(), rule.position(), rule.action(), applied.changed(), applied.note()));
      current = applied.message();
    }
    return new Transformed(current, steps);
  }

  static boolean matches(RuleMatch match, Hl7Message m) {
    if (match == null) {
      return true;
    }
    return listMatches(match.messageType(), m.messageType())
        && listMatches(match.triggerEvent(), m.triggerEvent())
        && listMatches(match.sendingFacility(), m.get("MSH-4.1"))
        && fieldMatches(match.fieldPath(), match.fieldValue(), m);
  }

  private static boolean listMatches(String list, String actual) {
    if (list == null || list.isBlank()) {
      return true;
    }
    for (String entry : list.split(",")) {
      String e = entry.strip();
      if (e.equals("*") || e.equalsIgnoreCase(actual)) {
        return true;
      }
    }
    return false;
  }

  private static boolean fieldMatches(String path, String value, Hl7Message m) {
    if (path == null || path.isBlank()) {
      return true;
    }
    if (value == null) {
      return m.state(path) == ValueState.VALUED;
    }
    if (value.equals("\"\"")) {
      return m.state(path) == ValueState.NULL;
    }
    return m.get(path).equals(value);
  }

  private static Verdict verdict(RuleAction action) {
    return switch (action) {
      case ACCEPT -> Verdict.ACCEPT;
      case IGNORE -> Verdict.IGNORE;
      default -> Verdict.REJECT;
    };
  }

  private record Applied(Hl7Message message, boolean changed, String note) {}

  private static Applied apply(Hl7Rule rule, Hl7Message m, CodeTranslator codes, String scope) {
    MessageBuilder builder = MessageBuilder.from(m);
    String target = rule.targetPath();
    switch (rule.action()) {
      case SET -> {
        if ("\"\"".equals(rule.value())) {
          builder.setNull(target);
        } else {
          builder.set(target, rule.value() == null ? "" : rule.value());
        }
        return new Applied(builder.build(), true, "set " + target);
      }
      case CLEAR -> {
        if (m.state(target) == ValueState.ABSENT) {
          return new Applied(m, false, target + " was already empty");
        }
        builder.setRaw(target, "");
        return new Applied(builder.build(), true, "cleared " + target);
      }
      case COPY -> {
        builder.setRaw(target, m.raw(rule.sourcePath()));
        return new Applied(builder.build(), true, "copied " + rule.sourcePath() + " to " + target);
      }
      case MAP, STRIP_PREFIX -> {
        int changed = 0;
        int unmapped = 0;
        for (Hl7Path path : everyPlace(Hl7Path.of(target), m)) {
          String current = m.get(path);
          if (current.isEmpty()) {
            continue;
          }
          Optional<String> next =
              rule.action() == RuleAction.MAP
                  ? codes.translate(rule.codeMapKind(), scope, rule.codeSystem(), current)
                  : stripped(current, rule.value());
          if (next.isPresent() && !next.get().equals(current)) {
            builder.set(path.toString(), next.get());
            changed++;
          } else if (next.isEmpty() && rule.action() == RuleAction.MAP) {
            unmapped++;
          }
        }
        String note =
            changed
                + (rule.action() == RuleAction.MAP ? " value(s) mapped" : " prefix(es) stripped")
                + (unmapped > 0 ? ", " + unmapped + " without a mapping (left as received)" : "");
        return new Applied(changed > 0 ? builder.build() : m, changed > 0, note);
      }
      default -> throw new IllegalStateException("not a transformation: " + rule.action());
    }
  }

  private static Optional<String> stripped(String value, String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return Optional.empty();
    }
    return value.toUpperCase(Locale.ROOT).startsWith(prefix.toUpperCase(Locale.ROOT))
        ? Optional.of(value.substring(prefix.length()))
        : Optional.empty();
  }

  /**
   * Where a map or strip-prefix applies: the path as given, or — when it names no segment
   * occurrence or no repetition — every occurrence and every repetition.
   */
  static List<Hl7Path> everyPlace(Hl7Path path, Hl7Message m) {
    List<Hl7Path> places = new ArrayList<>();
    List<Segment> segments = m.segments(path.segment());
    for (int occ = 1; occ <= segments.size(); occ++) {
      if (path.occurrence() > 0 && path.occurrence() != occ) {
        continue;
      }
      Segment segment = segments.get(occ - 1);
      int reps = path.repetition() > 0 ? 1 : Math.max(1, segment.repetitionCount(path.field()));
      for (int rep = 1; rep <= reps; rep++) {
        places.add(
            new Hl7Path(
                path.segment(),
                occ,
                path.field(),
                path.repetition() > 0 ? path.repetition() : rep,
                path.component(),
                path.subcomponent()));
      }
    }
    return places;
  }
}
