package com.practicestudio.billing;

import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patient merges: hands a merged patient's charges, claims and payments to the survivor. */
@Service
public class BillingMerge {

  /** How many records moved. */
  public record Moved(int charges, int claims, int payments) {}

  private final ChargeRepository charges;
  private final ClaimRepository claims;
  private final PaymentRepository payments;
  private final AuditLog audit;
  private final Clock clock;

  BillingMerge(
      ChargeRepository charges,
      ClaimRepository claims,
      PaymentRepository payments,
      AuditLog audit,
      Clock clock) {
    this.charges = charges;
    this.claims = claims;
    this.payments = payments;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Moves every charge, claim and payment of {@code fromPatientId} to {@code toPatientId}, in the
   * caller's (the merge's) transaction. Claims keep their coverage row: moving coverages is the
   * patients feature's part of the merge.
   */
  @Transactional
  public Moved movePatient(long fromPatientId, long toPatientId) {
    if (fromPatientId == toPatientId) {
      throw new InvalidRequestException("toPatientId", "must differ from fromPatientId");
    }
    Instant now = clock.instant();
    Moved moved =
        new Moved(
            charges.movePatient(fromPatientId, toPatientId, now),
            claims.movePatient(fromPatientId, toPatientId, now),
            payments.movePatient(fromPatientId, toPatientId, now));
    if (moved.charges() + moved.claims() + moved.payments() > 0) {
      audit.record(
          AuditAction.RECORD_UPDATE,
          "patient",
          toPatientId,
          Map.of(
              "movedFromPatientId", fromPatientId,
              "charges", moved.charges(),
              "claims", moved.claims(),
              "payments", moved.payments()));
    }
    return moved;
  }
}
