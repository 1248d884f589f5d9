package com.practicestudio.fhir;

/**
 * How a booking on a Cerner slot ended.
 *
 * @param appointmentId the Cerner Appointment id when booked
 * @param reason why Cerner refused, when refused (no PHI)
 */
public record BookingResult(boolean booked, String appointmentId, String reason) {

  static BookingResult booked(String appointmentId) {
    return new BookingResult(true, appointmentId, null);
  }

  static BookingResult refused(String reason) {
    return new BookingResult(false, null, reason);
  }
}
