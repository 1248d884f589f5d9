package com.practicestudio.scheduling;

/**
 * Published inside the transaction of every appointment create, change and cancel (see the package
 * documentation): listen with {@code @EventListener} to write rows that must commit with it.
 *
 * @param kind what happened
 * @param appointmentId the appointment
 * @param before the appointment before the change; null when created
 * @param after the appointment after the change
 */
public record AppointmentChanged(
    Kind kind, long appointmentId, Appointment before, Appointment after) {

  public enum Kind {
    CREATED,
    UPDATED,
    CANCELLED
  }
}
