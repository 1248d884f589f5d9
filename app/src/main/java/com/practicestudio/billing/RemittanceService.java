package com.practicestudio.billing;

import com.practicestudio.billing.Remittance.Adjustment;
import com.practicestudio.billing.Remittance.ClaimPayment;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.FieldChecks;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 835 remittances: recorded as received and posted in the same transaction. Each claim payment
 * whose claim number names a local claim is linked to it, moves the claim to paid or denied (when
 * {@link ClaimStatus} allows) and, when money moved, becomes a {@link Payment}. A remittance whose
 * payer and check/trace number were seen before answers 409, so a file is not posted twice.
 */
@Service
public class RemittanceService {

  public static final List<String> PAYMENT_METHODS = List.of("check", "eft", "none");

  /** CAS claim adjustment group codes. */
  public static final List<String> GROUP_CODES = List.of("CO", "CR", "OA", "PI", "PR");

  static final String DENIED_STATUS_CODE = "4";
  static final String REVERSAL_STATUS_CODE = "22";

  private final RemittanceRepository remittances;
  private final ClaimService claims;
  private final PaymentRepository payments;
  private final AuditLog audit;
  private final Clock clock;

  RemittanceService(
      RemittanceRepository remittances,
      ClaimService claims,
      PaymentRepository payments,
      AuditLog audit,
      Clock clock) {
    this.remittances = remittances;
    this.claims = claims;
    this.payments = payments;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Remittance create(RemittanceDraft draft) {
    RemittanceDraft checked = check(draft);
    Instant now = clock.instant();
    long id = remittances.insert(checked, now);
    int matched = 0;
    for (int i = 0; i < checked.claims().size(); i++) {
      ClaimPayment posted = post(id, checked, checked.claims().get(i), now);
      matched += posted.claimId() == null ? 0 : 1;
      remittances.insertClaim(id, i + 1, posted);
    }
    audit.record(
        AuditAction.RECORD_CREATE,
        "remittance",
        id,
        Map.of("claims", checked.claims().size(), "matchedClaims", matched));
    return byId(id);
  }

  public Remittance byId(long id) {
    return remittances.find(id).orElseThrow(() -> new NotFoundException("remittance", id));
  }

  /** By id, ascending. */
  public Page<Remittance> search(RemittanceQuery query, int limit, String cursor) {
    FieldChecks checks = new FieldChecks();
    if (query.from() != null && query.to() != null) {
      checks.check(query.to().isAfter(query.from()), "to", "must be after from");
    }
    checks.throwIfAny();
    return Cursor.page(
        remittances.search(query, cursor, limit + 1), limit, r -> Long.toString(r.id()));
  }

  /** Settles the local claim, if any, and records the payment; answers the line with its claim. */
  private ClaimPayment post(long remittanceId, RemittanceDraft r, ClaimPayment c, Instant now) {
    Optional<Claim> claim = claims.settle(c.claimNumber(), target(c), c.payerClaimId());
    if (claim.isEmpty()) {
      return c;
    }
    if (c.paid().signum() != 0) {
      payments.insert(
          new PaymentDraft(
              claim.get().patientId(),
              claim.get().id(),
              remittanceId,
              c.paid(),
              r.paymentMethod().equals("none") ? "other" : r.paymentMethod(),
              r.paymentDate(),
              r.checkNumber(),
              null),
          now);
    }
    return new ClaimPayment(
        c.claimNumber(),
        claim.get().id(),
        c.payerClaimId(),
        c.claimStatusCode(),
        c.billed(),
        c.paid(),
        c.patientResponsibility(),
        c.adjustments());
  }

  /**
   * What a claim payment makes of the claim: denied, paid, or (reversal, nothing paid) no change.
   */
  static ClaimStatus target(ClaimPayment c) {
    if (DENIED_STATUS_CODE.equals(c.claimStatusCode())) {
      return ClaimStatus.DENIED;
    }
    if (REVERSAL_STATUS_CODE.equals(c.claimStatusCode())) {
      return null;
    }
    return c.claimStatusCode() != null || c.paid().signum() > 0 ? ClaimStatus.PAID : null;
  }

  private RemittanceDraft check(RemittanceDraft d) {
    FieldChecks checks = new FieldChecks();
    String method = checks.oneOf("paymentMethod", d.paymentMethod(), PAYMENT_METHODS);
    checks.required("paymentDate", d.paymentDate());
    BigDecimal total = checks.money("totalPaid", checks.required("totalPaid", d.totalPaid()));
    List<ClaimPayment> lines = new ArrayList<>();
    List<ClaimPayment> given = d.claims() == null ? List.of() : d.claims();
    for (int i = 0; i < given.size(); i++) {
      lines.add(claimPayment(checks, "claims[" + i + "]", given.get(i)));
    }
    RemittanceDraft checked =
        new RemittanceDraft(
            checks.requiredText("payerName", d.payerName(), 200),
            checks.requiredText("payerId", d.payerId(), 80),
            checks.requiredText("checkNumber", d.checkNumber(), 80),
            method == null ? "check" : method,
            d.paymentDate(),
            total,
            lines);
    checks.throwIfAny();
    return checked;
  }

  private static ClaimPayment claimPayment(FieldChecks checks, String path, ClaimPayment c) {
    if (c == null) {
      checks.problem(path, "is required");
      return null;
    }
    String status = checks.text(path + ".claimStatusCode", c.claimStatusCode(), 2);
    checks.check(
        status == null || status.matches("\\d{1,2}"),
        path + ".claimStatusCode",
        "must be a number");
    BigDecimal responsibility =
        checks.money(path + ".patientResponsibility", c.patientResponsibility());
    List<Adjustment> adjustments = new ArrayList<>();
    List<Adjustment> given = c.adjustments() == null ? List.of() : c.adjustments();
    for (int j = 0; j < given.size(); j++) {
      adjustments.add(adjustment(checks, path + ".adjustments[" + j + "]", given.get(j)));
    }
    return new ClaimPayment(
        checks.requiredText(path + ".claimNumber", c.claimNumber(), 38),
        null,
        checks.text(path + ".payerClaimId", c.payerClaimId(), 50),
        status,
        checks.money(path + ".billed", checks.required(path + ".billed", c.billed())),
        checks.money(path + ".paid", checks.required(path + ".paid", c.paid())),
        responsibility == null ? BigDecimal.ZERO.setScale(2) : responsibility,
        adjustments);
  }

  private static Adjustment adjustment(FieldChecks checks, String path, Adjustment a) {
    if (a == null) {
      checks.problem(path, "is required");
      return null;
    }
    checks.required(path + ".groupCode", a.groupCode());
    String reason = checks.requiredText(path + ".reasonCode", a.reasonCode(), 5);
    checks.check(
        reason == null || reason.matches("[A-Z0-9]+"),
        path + ".reasonCode",
        "must be a claim adjustment reason code");
    return new Adjustment(
        checks.oneOf(path + ".groupCode", a.groupCode(), GROUP_CODES),
        reason,
        checks.money(path + ".amount", checks.required(path + ".amount", a.amount())));
  }
}
