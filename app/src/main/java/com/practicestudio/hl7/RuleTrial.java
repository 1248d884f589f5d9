package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.hl7v2.SegmentTerminator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tries an interface's rules on a pasted message: the filter's verdict and the rule that gave it,
 * what each transformation did, and the message as a handler would get it. Nothing is stored and
 * nothing is logged (the message is the user's).
 */
public final class RuleTrial {

  /**
   * The result of a trial.
   *
   * @param error why the message could not be read or a rule not applied (a stable code and its
   *     meaning), or null
   * @param verdict {@code accept}, {@code ignore} or {@code reject}
   * @param decidedBy the filter rule that decided (its label), or null when none matched
   * @param refusalCode with {@code reject}: HL7-050 (no rule accepts) or HL7-051 (a rule rejects)
   * @param output the transformed message, segments on separate lines (when accepted or ignored)
   */
  public record Result(
      String error,
      String messageType,
      String verdict,
      Long decidedByRuleId,
      String decidedBy,
      String refusalCode,
      List<Step> transforms,
      String output) {}

  /** One transformation rule in the trial. */
  public record Step(long ruleId, int position, String action, boolean fired, String note) {}

  private final RuleEngine.CodeTranslator codes;

  RuleTrial(RuleEngine.CodeTranslator codes) {
    this.codes = codes;
  }

  Result run(Hl7Interface itf, List<Hl7Rule> rules, String pasted) {
    Hl7Message message;
    try {
      message = Hl7Message.parse(normalise(pasted == null ? "" : pasted));
    } catch (Hl7ParseException e) {
      return new Result(
          e.code() + " " + e.error().description(), null, null, null, null, null, List.of(), null);
    }
    String type =
        message.triggerEvent().isEmpty()
            ? message.messageType()
            : message.messageType() + "^" + message.triggerEvent();
    List<Hl7Rule> filters = rules.stream().filter(r -> r.kind() == RuleKind.FILTER).toList();
    List<Hl7Rule> transforms = rules.stream().filter(r -> r.kind() == RuleKind.TRANSFORM).toList();
    RuleEngine.Decision decision = RuleEngine.decide(filters, message);
    Hl7Rule by = decision.rule();
    String verdict = decision.verdict().name().toLowerCase(java.util.Locale.ROOT);
    String refusal = decision.taken() ? null : decision.refusal().code();
    if (!decision.taken()) {
      return new Result(null, type, verdict, id(by), label(by), refusal, List.of(), null);
    }
    try {
      RuleEngine.Transformed t =
          RuleEngine.transform(
              transforms, message, codes, itf.listener() == null ? null : itf.name());
      List<Step> steps = new ArrayList<>();
      for (RuleEngine.Step s : t.steps()) {
        steps.add(new Step(s.ruleId(), s.position(), s.action().wire(), s.fired(), s.note()));
      }
      String output = t.message().encode(SegmentTerminator.LF);
      return new Result(null, type, verdict, id(by), label(by), null, steps, output);
    } catch (RuleEngine.IncompleteRuleException e) {
      return new Result(e.describe(), type, verdict, id(by), label(by), null, List.of(), null);
    } catch (Hl7ParseException e) {
      return new Result(
          Hl7InterfaceError.TRANSFORM_FAILED.code()
              + " "
              + e.code()
              + " "
              + e.error().description(),
          type,
          verdict,
          id(by),
          label(by),
          null,
          List.of(),
          null);
    }
  }

  /** The saved rules with an unsaved candidate put in (replacing one, or inserted). */
  static List<Hl7Rule> withCandidate(
      List<Hl7Rule> saved, long interfaceId, RuleValidator.Checked c, Long replacing) {
    RuleRepository.Row row = c.row();
    List<Hl7Rule> sameKind = new ArrayList<>();
    List<Hl7Rule> others = new ArrayList<>();
    for (Hl7Rule r : saved) {
      if (replacing != null && r.id() == replacing) {
        continue;
      }
      (r.kind() == row.kind() ? sameKind : others).add(r);
    }
    sameKind.sort(Comparator.comparingInt(Hl7Rule::position));
    int at = c.position() == null ? sameKind.size() : Math.min(c.position() - 1, sameKind.size());
    if (c.position() == null && replacing != null) {
      at =
          saved.stream()
              .filter(r -> r.id() == replacing)
              .findFirst()
              .map(r -> Math.min(r.position() - 1, sameKind.size()))
              .orElse(at);
    }
    Hl7Rule candidate =
        new Hl7Rule(
            replacing == null ? 0 : replacing,
            interfaceId,
            row.kind(),
            at + 1,
            row.action(),
            row.enabled(),
            row.description(),
            row.match(),
            row.targetPath(),
            row.sourcePath(),
            row.value(),
            row.codeMapKind(),
            row.codeSystem(),
            0,
            null,
            null);
    sameKind.add(at, candidate);
    List<Hl7Rule> all = new ArrayList<>(others);
    for (int i = 0; i < sameKind.size(); i++) {
      Hl7Rule r = sameKind.get(i);
      all.add(renumbered(r, i + 1));
    }
    return all;
  }

  private static Hl7Rule renumbered(Hl7Rule r, int position) {
    return new Hl7Rule(
        r.id(),
        r.interfaceId(),
        r.kind(),
        position,
        r.action(),
        r.enabled(),
        r.description(),
        r.match(),
        r.targetPath(),
        r.sourcePath(),
        r.value(),
        r.codeMapKind(),
        r.codeSystem(),
        r.version(),
        r.createdAt(),
        r.updatedAt());
  }

  /** Pasted text has LF or CRLF line ends; HL7 segments end with CR. */
  static String normalise(String text) {
    return text.strip().replace("\r\n", "\r").replace('\n', '\r');
  }

  private static Long id(Hl7Rule r) {
    return r == null ? null : (r.id() == 0 ? null : r.id());
  }

  private static String label(Hl7Rule r) {
    return r == null ? null : r.label() + (r.id() == 0 ? " — the rule being tried" : "");
  }
}
