package com.practicestudio.billing;

import com.practicestudio.patients.RecordReferences;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.FieldChecks;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Charges: create, replace (while open), search. */
@Service
public class ChargeService {

  public static final List<String> STATUSES = List.of("open", "billed", "void");

  /** The statuses a caller may set; {@code billed} is set by claims. */
  static final List<String> WRITABLE_STATUSES = List.of("open", "void");

  private static final BigDecimal MAX_QUANTITY = new BigDecimal("99999999.99");

  private final ChargeRepository charges;
  private final RecordReferences references;
  private final AuditLog audit;
  private final Clock clock;

  ChargeService(
      ChargeRepository charges, RecordReferences references, AuditLog audit, Clock clock) {
    this.charges = charges;
    this.references = references;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Charge create(ChargeDraft draft) {
    ChargeDraft checked = check(draft);
    long id = charges.insert(checked, clock.instant());
    audit.record(AuditAction.RECORD_CREATE, "charge", id, Map.of("patientId", checked.patientId()));
    return byId(id);
  }

  /** Replaces an open charge; billed and void charges answer 409. */
  @Transactional
  public Charge update(long id, ChargeDraft draft) {
    Charge current =
        charges.findForUpdate(id).orElseThrow(() -> new NotFoundException("charge", id));
    if (draft.version() != null && draft.version() != current.version()) {
      throw BillingError.STALE_VERSION.conflict(
          "charge " + id + " is at version " + current.version() + ", not " + draft.version());
    }
    if (!current.status().equals("open")) {
      throw BillingError.CHARGE_LOCKED.conflict(
          "charge " + id + " is " + current.status() + " and cannot change");
    }
    ChargeDraft checked = check(draft);
    if (!charges.update(id, checked, current.version(), clock.instant())) {
      throw BillingError.STALE_VERSION.conflict("charge " + id + " changed meanwhile");
    }
    audit.record(
        AuditAction.RECORD_UPDATE,
        "charge",
        id,
        Map.of("patientId", checked.patientId(), "status", checked.status()));
    return byId(id);
  }

  public Charge byId(long id) {
    return charges.find(id).orElseThrow(() -> new NotFoundException("charge", id));
  }

  /** By id, ascending. */
  public Page<Charge> search(ChargeQuery query, int limit, String cursor) {
    FieldChecks checks = new FieldChecks();
    checks.oneOf("status", query.status(), STATUSES);
    if (query.from() != null && query.to() != null) {
      checks.check(query.to().isAfter(query.from()), "to", "must be after from");
    }
    checks.throwIfAny();
    return Cursor.page(charges.search(query, cursor, limit + 1), limit, c -> Long.toString(c.id()));
  }

  /** quantity × unit amount, rounded half up to the cent. */
  public static BigDecimal extend(BigDecimal quantity, BigDecimal unitAmount) {
    return quantity.multiply(unitAmount).setScale(2, RoundingMode.HALF_UP);
  }

  private ChargeDraft check(ChargeDraft d) {
    FieldChecks checks = new FieldChecks();
    checks.required("patientId", d.patientId());
    references.patient(checks, "patientId", d.patientId());
    references.ownedBy(checks, "encounterId", "encounter", d.encounterId(), d.patientId());
    references.provider(checks, "providerId", d.providerId());
    String code = checks.requiredText("code", d.code(), 5);
    code = code == null ? null : code.toUpperCase(Locale.ROOT);
    String codeSystem = ChargeCodes.codeSystem(checks, code, d.codeSystem());
    checks.required("serviceDate", d.serviceDate());
    String status = checks.oneOf("status", d.status(), WRITABLE_STATUSES);
    BigDecimal quantity = quantity(checks, d.quantity());
    Amounts amounts = amounts(checks, quantity, d.unitAmount(), d.amount());
    ChargeDraft checked =
        new ChargeDraft(
            checks.text("externalId", d.externalId(), 200),
            d.patientId(),
            d.encounterId(),
            code,
            codeSystem,
            ChargeCodes.modifiers(checks, d.modifiers()),
            checks.text("description", d.description(), 500),
            quantity,
            amounts.unit(),
            amounts.amount(),
            d.serviceDate(),
            ChargeCodes.diagnoses(checks, d.diagnosisCodes()),
            d.providerId(),
            status == null ? "open" : status,
            null);
    checks.throwIfAny();
    return checked;
  }

  private static BigDecimal quantity(FieldChecks checks, BigDecimal given) {
    if (given == null) {
      return BigDecimal.ONE.setScale(2);
    }
    if (given.signum() <= 0 || given.compareTo(MAX_QUANTITY) > 0) {
      checks.problem("quantity", "must be more than 0 and at most " + MAX_QUANTITY);
      return null;
    }
    if (given.stripTrailingZeros().scale() > 2) {
      checks.problem("quantity", "must have at most 2 decimal places");
      return null;
    }
    return given.setScale(2);
  }

  private record Amounts(BigDecimal unit, BigDecimal amount) {}

  /** Either amount derives the other; both given must agree. */
  private static Amounts amounts(
      FieldChecks checks, BigDecimal quantity, BigDecimal unitGiven, BigDecimal amountGiven) {
    BigDecimal unit = checks.money("unitAmount", unitGiven);
    BigDecimal amount = checks.money("amount", amountGiven);
    if (unitGiven == null && amountGiven == null) {
      checks.problem("unitAmount", "is required (or give amount)");
    }
    checks.check(unit == null || unit.signum() >= 0, "unitAmount", "must not be negative");
    checks.check(amount == null || amount.signum() >= 0, "amount", "must not be negative");
    if (quantity == null || checks.has("unitAmount") || checks.has("amount")) {
      return new Amounts(unit, amount);
    }
    if (unit == null) {
      unit = amount.divide(quantity, 2, RoundingMode.HALF_UP);
    } else if (amount == null) {
      amount = extend(quantity, unit);
    } else if (amount.compareTo(extend(quantity, unit)) != 0) {
      checks.problem("amount", "must equal quantity × unitAmount, rounded half up to the cent");
    }
    if (amount.compareTo(FieldChecks.MAX_MONEY) > 0) {
      checks.problem("amount", "must be at most " + FieldChecks.MAX_MONEY.toPlainString());
    }
    return new Amounts(unit, amount);
  }
}
