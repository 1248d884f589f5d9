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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Claims: made from charges, then moved through {@link ClaimStatus}. */
@Service
public class ClaimService {

  /** An 837P claim holds at most 50 service lines. */
  static final int MAX_LINES = 50;

  private final ClaimRepository claims;
  private final ChargeRepository charges;
  private final RecordReferences references;
  private final AuditLog audit;
  private final Clock clock;

  ClaimService(
      ClaimRepository claims,
      ChargeRepository charges,
      RecordReferences references,
      AuditLog audit,
      Clock clock) {
    this.claims = claims;
    this.charges = charges;
    this.references = references;
    this.audit = audit;
    this.clock = clock;
  }

  /** A draft claim of the given charges, which become billed. */
  @Transactional
  public Claim create(ClaimDraft draft) {
    FieldChecks checks = new FieldChecks();
    checks.required("patientId", draft.patientId());
    references.patient(checks, "patientId", draft.patientId());
    checks.required("coverageId", draft.coverageId());
    references.ownedBy(
        checks, "coverageId", "patient_coverage", draft.coverageId(), draft.patientId());
    references.provider(checks, "billingProviderId", draft.billingProviderId());
    String number = checks.text("claimNumber", draft.claimNumber(), 20);
    checks.check(
        number == null || number.matches("[A-Za-z0-9-]+"),
        "claimNumber",
        "must be letters, digits or -");
    List<Charge> lines = billable(checks, draft);
    checks.throwIfAny();

    BigDecimal total = lines.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    checks.check(total.compareTo(FieldChecks.MAX_MONEY) <= 0, "chargeIds", "total is too large");
    checks.throwIfAny();
    Instant now = clock.instant();
    long id = claims.insert(draft, number == null ? claims.nextClaimNumber() : number, total, now);
    for (int i = 0; i < lines.size(); i++) {
      claims.insertLine(id, i + 1, lines.get(i).id(), lines.get(i).amount());
    }
    charges.markBilled(lines.stream().map(Charge::id).toList(), now);
    audit.record(
        AuditAction.RECORD_CREATE,
        "claim",
        id,
        Map.of("patientId", draft.patientId(), "lines", lines.size()));
    return byId(id);
  }

  /**
   * Changes status, payer claim id, coverage or billing provider. A status change {@link
   * ClaimStatus} does not allow answers 409 (BILL-001); so does a coverage or provider change once
   * submitted (BILL-003).
   */
  @Transactional
  public Claim change(long id, ClaimChange change) {
    Claim current = claims.findForUpdate(id).orElseThrow(() -> new NotFoundException("claim", id));
    if (change.version() != null && change.version() != current.version()) {
      throw BillingError.STALE_VERSION.conflict(
          "claim " + id + " is at version " + current.version() + ", not " + change.version());
    }
    FieldChecks checks = new FieldChecks();
    ClaimStatus target = current.status();
    if (change.status() != null) {
      String code = checks.oneOf("status", change.status(), ClaimStatus.CODES);
      target = code == null ? target : ClaimStatus.fromCode(code).orElseThrow();
    }
    references.ownedBy(
        checks, "coverageId", "patient_coverage", change.coverageId(), current.patientId());
    references.provider(checks, "billingProviderId", change.billingProviderId());
    String payerClaimId = checks.text("payerClaimId", change.payerClaimId(), 50);
    checks.throwIfAny();
    boolean reassigned =
        (change.coverageId() != null && change.coverageId() != current.coverageId())
            || (change.billingProviderId() != null
                && !change.billingProviderId().equals(current.billingProviderId()));
    if (reassigned && !current.status().isEditable()) {
      throw BillingError.CLAIM_LOCKED.conflict(
          "claim " + id + " is " + current.status().code() + "; its coverage and provider are set");
    }
    Claim changed =
        withChange(
            current,
            target,
            payerClaimId == null ? current.payerClaimId() : payerClaimId,
            change.coverageId() == null ? current.coverageId() : change.coverageId(),
            change.billingProviderId() == null
                ? current.billingProviderId()
                : change.billingProviderId());
    return save(current, changed);
  }

  public Claim byId(long id) {
    return claims.find(id).orElseThrow(() -> new NotFoundException("claim", id));
  }

  /** By id, ascending. */
  public Page<Claim> search(ClaimQuery query, int limit, String cursor) {
    FieldChecks checks = new FieldChecks();
    checks.oneOf("status", query.status(), ClaimStatus.CODES);
    checks.throwIfAny();
    return Cursor.page(claims.search(query, cursor, limit + 1), limit, c -> Long.toString(c.id()));
  }

  /**
   * For remittance posting: locks the claim with this number and moves it to {@code target} (when
   * allowed; otherwise the status stays) and records the payer's claim id. Empty when no claim has
   * the number.
   */
  Optional<Claim> settle(String claimNumber, ClaimStatus target, String payerClaimId) {
    Optional<Claim> found = claims.findByNumberForUpdate(claimNumber);
    if (found.isEmpty()) {
      return found;
    }
    Claim current = found.get();
    ClaimStatus status =
        target != null && current.status().canBecome(target) ? target : current.status();
    String payerId = payerClaimId == null ? current.payerClaimId() : payerClaimId;
    Claim changed =
        withChange(current, status, payerId, current.coverageId(), current.billingProviderId());
    return Optional.of(save(current, changed));
  }

  private Claim save(Claim current, Claim changed) {
    if (!current.status().canBecome(changed.status())) {
      throw BillingError.CLAIM_TRANSITION.conflict(
          "claim "
              + current.id()
              + " is "
              + current.status().code()
              + " and cannot become "
              + changed.status().code());
    }
    if (!claims.update(current.id(), changed, current.version(), clock.instant())) {
      throw BillingError.STALE_VERSION.conflict("claim " + current.id() + " changed meanwhile");
    }
    audit.record(
        AuditAction.RECORD_UPDATE,
        "claim",
        current.id(),
        Map.of("from", current.status().code(), "to", changed.status().code()));
    return byId(current.id());
  }

  private Claim withChange(
      Claim c, ClaimStatus status, String payerClaimId, long coverageId, Long billingProviderId) {
    Instant submittedAt =
        status == ClaimStatus.SUBMITTED && c.status() != ClaimStatus.SUBMITTED
            ? clock.instant()
            : c.submittedAt();
    return new Claim(
        c.id(),
        c.claimNumber(),
        c.patientId(),
        coverageId,
        status,
        c.totalAmount(),
        c.paidAmount(),
        c.currency(),
        billingProviderId,
        submittedAt,
        payerClaimId,
        c.lines(),
        c.createdAt(),
        c.updatedAt(),
        c.version());
  }

  /** Locks and checks the charges a new claim bills, in line order. */
  private List<Charge> billable(FieldChecks checks, ClaimDraft draft) {
    List<Long> ids = draft.chargeIds() == null ? List.of() : draft.chargeIds();
    if (ids.isEmpty() || ids.size() > MAX_LINES) {
      checks.problem("chargeIds", "must name 1 to " + MAX_LINES + " charges");
      return List.of();
    }
    List<Charge> lines = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String field = "chargeIds[" + i + "]";
      Long id = ids.get(i);
      Optional<Charge> charge = id == null ? Optional.empty() : charges.findForUpdate(id);
      if (charge.isEmpty()) {
        checks.problem(field, "names no charge");
      } else if (!seen.add(id)) {
        checks.problem(field, "is named twice");
      } else if (draft.patientId() != null && charge.get().patientId() != draft.patientId()) {
        checks.problem(field, "belongs to another patient");
      } else if (charge.get().status().equals("void")) {
        checks.problem(field, "is void");
      } else if (!charges.activeClaimNumbers(id).isEmpty()) {
        checks.problem(field, "is already on a claim");
      } else {
        lines.add(charge.get());
      }
    }
    return lines;
  }
}
