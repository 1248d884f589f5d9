package com.practicestudio.billing;

import com.practicestudio.patients.RecordReferences;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.FieldChecks;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Payments: record, correct, search. Payer payments are also posted by remittances. */
@Service
public class PaymentService {

  public static final List<String> METHODS = List.of("cash", "check", "card", "eft", "other");

  private final PaymentRepository payments;
  private final RecordReferences references;
  private final AuditLog audit;
  private final Clock clock;

  PaymentService(
      PaymentRepository payments, RecordReferences references, AuditLog audit, Clock clock) {
    this.payments = payments;
    this.references = references;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Payment create(PaymentDraft draft) {
    PaymentDraft checked = check(draft);
    long id = payments.insert(checked, clock.instant());
    audit.record(
        AuditAction.RECORD_CREATE, "payment", id, Map.of("patientId", checked.patientId()));
    return byId(id);
  }

  @Transactional
  public Payment update(long id, PaymentDraft draft) {
    Payment current = byId(id);
    if (draft.version() != null && draft.version() != current.version()) {
      throw BillingError.STALE_VERSION.conflict(
          "payment " + id + " is at version " + current.version() + ", not " + draft.version());
    }
    PaymentDraft checked = check(draft);
    if (!payments.update(id, checked, current.version(), clock.instant())) {
      throw BillingError.STALE_VERSION.conflict("payment " + id + " changed meanwhile");
    }
    audit.record(
        AuditAction.RECORD_UPDATE, "payment", id, Map.of("patientId", checked.patientId()));
    return byId(id);
  }

  public Payment byId(long id) {
    return payments.find(id).orElseThrow(() -> new NotFoundException("payment", id));
  }

  /** By id, ascending. */
  public Page<Payment> search(PaymentQuery query, int limit, String cursor) {
    FieldChecks checks = new FieldChecks();
    if (query.from() != null && query.to() != null) {
      checks.check(query.to().isAfter(query.from()), "to", "must be after from");
    }
    checks.throwIfAny();
    return Cursor.page(
        payments.search(query, cursor, limit + 1), limit, p -> Long.toString(p.id()));
  }

  private PaymentDraft check(PaymentDraft d) {
    FieldChecks checks = new FieldChecks();
    checks.required("patientId", d.patientId());
    references.patient(checks, "patientId", d.patientId());
    references.ownedBy(checks, "claimId", "claim", d.claimId(), d.patientId());
    references.exists(checks, "remittanceId", "remittance", d.remittanceId());
    BigDecimal amount = checks.money("amount", checks.required("amount", d.amount()));
    checks.check(amount == null || amount.signum() != 0, "amount", "must not be zero");
    checks.required("method", d.method());
    String method = checks.oneOf("method", d.method(), METHODS);
    checks.required("receivedDate", d.receivedDate());
    PaymentDraft checked =
        new PaymentDraft(
            d.patientId(),
            d.claimId(),
            d.remittanceId(),
            amount,
            method,
            d.receivedDate(),
            checks.text("reference", d.reference(), 100),
            null);
    checks.throwIfAny();
    return checked;
  }
}
