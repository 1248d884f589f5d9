package com.practicestudio.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Slot;

/**
 * Books a patient on a Cerner slot: hold (the slot to {@code busy-tentative} with {@code If-Match}
 * on its version), then create the Appointment. A refusal releases the hold, so nothing stays half
 * written. Safe to repeat after a lost answer: a slot already booked with an Appointment of this
 * patient on it answers that appointment, and a held slot is taken to be this booking's own hold
 * from an earlier attempt. Transient trouble ({@link CernerFhirException#retryable()}) is thrown
 * with the hold left in place, since the create may have gone through: the repeat finds out.
 */
public final class CernerBooking {

  private final SchedulingMapper mapper;

  public CernerBooking(SchedulingMapper mapper) {
    this.mapper = mapper;
  }

  /** How the Appointment is created once the slot is held. */
  @FunctionalInterface
  public interface Creator {
    /** Creates it; answers Cerner's Appointment id. */
    String create(Appointment body, String slotId);
  }

  /** Books through FHIR: hold, then the Appointment create. */
  public BookingResult book(
      CernerFhirClient client, String slotId, String patientFhirId, String comment) {
    return book(client, slotId, patientFhirId, comment, (body, slot) -> client.create(body), true);
  }

  /**
   * Books with {@code creator} making the Appointment (e.g. Millennium's slot booking service,
   * which books atomically and needs no hold: {@code holdFirst} false); the slot is read, and held
   * and released when asked, through FHIR.
   */
  public BookingResult book(
      CernerFhirClient client,
      String slotId,
      String patientFhirId,
      String comment,
      Creator creator,
      boolean holdFirst) {
    Slot slot;
    try {
      slot = client.readSlot(slotId);
    } catch (CernerFhirException e) {
      if (e.error() == FhirError.NOT_FOUND) {
        return BookingResult.refused("the slot does not exist in Cerner");
      }
      throw e;
    }
    CernerSlot read = mapper.toSlot(slot);
    if ("busy".equals(read.status())) {
      return ownAppointment(client, read, patientFhirId)
          .map(BookingResult::booked)
          .orElseGet(() -> BookingResult.refused("the slot is no longer free"));
    }
    if (SchedulingMapper.FREE.equals(read.status()) && holdFirst) {
      try {
        client.patchSlotStatus(slotId, read.version(), SchedulingMapper.HELD);
      } catch (CernerFhirException e) {
        if (e.error() == FhirError.CONFLICT || e.error() == FhirError.UNPROCESSABLE) {
          return BookingResult.refused("the slot was taken meanwhile");
        }
        throw e;
      }
    } else if (!SchedulingMapper.HELD.equals(read.status())
        && !SchedulingMapper.FREE.equals(read.status())) {
      return BookingResult.refused("the slot is " + read.status());
    }
    try {
      return BookingResult.booked(
          creator.create(mapper.bookingRequest(read, patientFhirId, comment), slotId));
    } catch (CernerFhirException e) {
      if (e.retryable()) {
        throw e;
      }
      if (holdFirst) {
        release(client, slotId);
      }
      return BookingResult.refused(e.getMessage());
    }
  }

  private static Optional<String> ownAppointment(
      CernerFhirClient client, CernerSlot slot, String patientFhirId) {
    for (Appointment appointment :
        client.appointments(patientFhirId, slot.start(), slot.end().plusSeconds(1))) {
      boolean onSlot =
          appointment.getSlot().stream()
              .map(r -> CernerReferences.idOf(r, "Slot"))
              .flatMap(Optional::stream)
              .anyMatch(slot.id()::equals);
      if (onSlot && appointment.getStatus() != Appointment.AppointmentStatus.CANCELLED) {
        return Optional.of(appointment.getIdElement().getIdPart());
      }
    }
    return Optional.empty();
  }

  private void release(CernerFhirClient client, String slotId) {
    try {
      CernerSlot now = mapper.toSlot(client.readSlot(slotId));
      if (SchedulingMapper.HELD.equals(now.status())) {
        client.patchSlotStatus(slotId, now.version(), SchedulingMapper.FREE);
      }
    } catch (CernerFhirException e) {
      // the hold lapses on Cerner's side; the refusal stands either way
    }
  }
}
