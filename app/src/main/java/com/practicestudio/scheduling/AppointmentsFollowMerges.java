package com.practicestudio.scheduling;

import com.practicestudio.patients.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Appointments of a merged patient move to the survivor, in the merge's transaction. */
@Component
class AppointmentsFollowMerges {

  private final AppointmentService appointments;

  AppointmentsFollowMerges(AppointmentService appointments) {
    this.appointments = appointments;
  }

  @EventListener
  void on(PatientsMerged merged) {
    appointments.movePatient(merged.mergedId(), merged.survivorId());
  }
}
