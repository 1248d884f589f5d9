package com.practicestudio.sandbox.data;

/**
 * What changed in the store, handed to {@link DataChangeListener}s (e.g. an MLLP peer that tells
 * Practice Studio about a booking).
 */
public record DataChange(Kind kind, Object record) {

  /** The kinds of change the store reports. */
  public enum Kind {
    SLOT_CHANGED,
    APPOINTMENT_BOOKED,
    OBSERVATION_CREATED,
    DOCUMENT_CREATED
  }
}
