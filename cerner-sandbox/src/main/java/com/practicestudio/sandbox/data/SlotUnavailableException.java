package com.practicestudio.sandbox.data;

/** The slot cannot be booked: it is busy (or unavailable) already. */
public class SlotUnavailableException extends RuntimeException {
  public SlotUnavailableException(String slotId, SlotStatus status) {
    super("Slot " + slotId + " is not available for booking (status " + status.code() + ")");
  }
}
