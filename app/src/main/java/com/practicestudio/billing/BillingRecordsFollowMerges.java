package com.practicestudio.billing;

import com.practicestudio.patients.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Charges, claims and payments of a merged patient move to the survivor, in the merge's
 * transaction.
 */
@Component
class BillingRecordsFollowMerges {

  private final BillingMerge billing;

  BillingRecordsFollowMerges(BillingMerge billing) {
    this.billing = billing;
  }

  @EventListener
  void on(PatientsMerged merged) {
    billing.movePatient(merged.mergedId(), merged.survivorId());
  }
}
