package com.practicestudio.scheduling;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** FHIR R4 Appointment status values, plus {@code booking-failed} for a refused Cerner booking. */
public enum AppointmentStatus {
  PROPOSED("proposed"),
  PENDING("pending"),
  BOOKED("booked"),
  ARRIVED("arrived"),
  CHECKED_IN("checked-in"),
  FULFILLED("fulfilled"),
  CANCELLED("cancelled"),
  NOSHOW("noshow"),
  ENTERED_IN_ERROR("entered-in-error"),
  WAITLIST("waitlist"),
  BOOKING_FAILED("booking-failed");

  /** Every code, in declaration order. */
  public static final List<String> CODES =
      Arrays.stream(values()).map(AppointmentStatus::code).toList();

  private final String code;

  AppointmentStatus(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  /** A cancelled or erroneous appointment no longer changes. */
  public boolean isFinal() {
    return this == CANCELLED || this == ENTERED_IN_ERROR;
  }

  /** Whether an appointment in this status may still be cancelled. */
  public boolean isCancellable() {
    return !isFinal() && this != FULFILLED && this != NOSHOW;
  }

  public static Optional<AppointmentStatus> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
