package com.practicestudio.patients;

import java.time.LocalDate;

/**
 * An insurance coverage of a patient.
 *
 * @param priority 1 primary, 2 secondary, …
 * @param relationship the patient's relationship to the subscriber (e.g. {@code self}, {@code
 *     spouse}, {@code child})
 */
public record Coverage(
    int priority,
    String insurerName,
    String insurerId,
    String planName,
    String memberId,
    String groupNumber,
    String subscriberName,
    String relationship,
    LocalDate effectiveDate,
    LocalDate expirationDate) {

  @Override
  public String toString() {
    return "Coverage[priority=" + priority + "]"; // member ids and names are PHI
  }
}
