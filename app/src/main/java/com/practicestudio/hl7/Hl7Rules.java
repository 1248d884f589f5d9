package com.practicestudio.hl7;

import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener's filter and transformation rules: list, create, change, delete (audited as {@code
 * MAPPING_CHANGE}, effective on the next message), and try them on a pasted message before saving.
 */
public final class Hl7Rules {

  private final RuleRepository rules;
  private final InterfaceRepository interfaces;
  private final ConfigRepository config;
  private final InterfaceRegistry registry;
  private final RuleTrial trial;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final RuleValidator validator = new RuleValidator();

  Hl7Rules(
      RuleRepository rules,
      InterfaceRepository interfaces,
      ConfigRepository config,
      InterfaceRegistry registry,
      RuleTrial trial,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx) {
    this.rules = rules;
    this.interfaces = interfaces;
    this.config = config;
    this.registry = registry;
    this.trial = trial;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /** Filters first, then transformations, each in position order. */
  public List<Hl7Rule> list(long interfaceId) {
    listener(interfaceId);
    return rules.of(interfaceId);
  }

  public Hl7Rule get(long interfaceId, long ruleId) {
    return rules
        .find(interfaceId, ruleId)
        .orElseThrow(() -> new NotFoundException("HL7 rule", ruleId));
  }

  public Hl7Rule create(long interfaceId, RuleInput input) {
    RuleValidator.Checked c = validator.check(input, null);
    long id =
        tx.execute(
            status -> {
              Hl7Interface itf = listenerForUpdate(interfaceId);
              RuleKind kind = c.row().kind();
              int count = rules.count(interfaceId, kind);
              int position = c.position() == null ? count + 1 : Math.min(c.position(), count + 1);
              rules.openGap(interfaceId, kind, position);
              long created = rules.insert(interfaceId, position, c.row(), clock.instant());
              changed("create", itf, created, c.row());
              return created;
            });
    registry.reload();
    return get(interfaceId, id);
  }

  public Hl7Rule update(long interfaceId, long ruleId, RuleInput input, Integer expectedVersion) {
    tx.executeWithoutResult(
        status -> {
          Hl7Interface itf = listenerForUpdate(interfaceId);
          Hl7Rule before = get(interfaceId, ruleId);
          RuleValidator.Checked c = validator.check(input, before.kind());
          Integer expected = expectedVersion != null ? expectedVersion : input.version();
          if (expected != null && expected != before.version()) {
            throw new ConflictException("the rule changed meanwhile; read it again");
          }
          int count = rules.count(interfaceId, before.kind());
          int position = c.position() == null ? before.position() : Math.min(c.position(), count);
          rules.makeRoomForMove(interfaceId, before.kind(), before.position(), position);
          rules.update(ruleId, position, c.row(), clock.instant());
          changed("update", itf, ruleId, c.row());
        });
    registry.reload();
    return get(interfaceId, ruleId);
  }

  public void delete(long interfaceId, long ruleId) {
    tx.executeWithoutResult(
        status -> {
          Hl7Interface itf = listenerForUpdate(interfaceId);
          Hl7Rule rule = get(interfaceId, ruleId);
          rules.delete(ruleId);
          rules.closeGap(interfaceId, rule.kind(), rule.position());
          config.bump();
          audit.record(
              AuditAction.MAPPING_CHANGE,
              "hl7_rule",
              ruleId,
              Map.of(
                  "operation", "delete",
                  "interface", itf.name(),
                  "kind", rule.kind().wire(),
                  "action", rule.action().wire()));
        });
    registry.reload();
  }

  /**
   * Runs the listener's rules on a pasted message, with {@code candidate} (unsaved) in its place:
   * replacing rule {@code replacing} when given, else inserted at its position. Nothing is stored.
   */
  public RuleTrial.Result tryOn(
      long interfaceId, String message, RuleInput candidate, Long replacing) {
    Hl7Interface itf = listener(interfaceId);
    List<Hl7Rule> saved = rules.of(interfaceId);
    if (candidate == null) {
      return trial.run(itf, saved, message);
    }
    RuleKind existing = null;
    if (replacing != null) {
      existing = get(interfaceId, replacing).kind();
    }
    RuleValidator.Checked c = validator.check(candidate, existing);
    return trial.run(itf, RuleTrial.withCandidate(saved, interfaceId, c, replacing), message);
  }

  private void changed(String operation, Hl7Interface itf, long ruleId, RuleRepository.Row row) {
    config.bump();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("operation", operation);
    detail.put("interface", itf.name());
    detail.put("kind", row.kind().wire());
    detail.put("action", row.action().wire());
    audit.record(AuditAction.MAPPING_CHANGE, "hl7_rule", ruleId, detail);
  }

  private Hl7Interface listener(long interfaceId) {
    Hl7Interface itf =
        interfaces
            .find(interfaceId)
            .orElseThrow(() -> new NotFoundException("HL7 interface", interfaceId))
            .itf();
    requireListener(itf);
    return itf;
  }

  private Hl7Interface listenerForUpdate(long interfaceId) {
    Hl7Interface itf =
        interfaces
            .findForUpdate(interfaceId)
            .orElseThrow(() -> new NotFoundException("HL7 interface", interfaceId))
            .itf();
    requireListener(itf);
    return itf;
  }

  private static void requireListener(Hl7Interface itf) {
    if (itf.kind() != InterfaceKind.LISTENER) {
      throw new InvalidRequestException("interface", "rules apply to listeners only");
    }
  }
}
