package com.practicestudio.clinical;

import com.practicestudio.patients.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Encounters, observations and documents of a merged patient move to the survivor, in the merge's
 * transaction.
 */
@Component
class ClinicalRecordsFollowMerges {

  private final ClinicalMerge clinical;

  ClinicalRecordsFollowMerges(ClinicalMerge clinical) {
    this.clinical = clinical;
  }

  @EventListener
  void on(PatientsMerged merged) {
    clinical.movePatient(merged.mergedId(), merged.survivorId());
  }
}
