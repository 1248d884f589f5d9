package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.SandboxData;
import com.practicestudio.sandbox.data.SlotUnavailableException;
import org.hl7.fhir.r4.model.Appointment;

/**
 * Books an Appointment body the way Cerner's create does: status {@code booked}, exactly one Slot
 * reference and exactly one participant, a Patient with status {@code accepted} and no type. A slot
 * that is no longer free (or held) answers 409 with an OperationOutcome.
 */
public final class Booking {

  private final SandboxData data;

  public Booking(SandboxData data) {
    this.data = data;
  }

  /**
   * Books the appointment.
   *
   * @param slotId the slot from the URL (Millennium's book service), or null to take it from the
   *     body's single slot reference
   */
  public AppointmentRecord book(Appointment body, String slotId) {
    if (body.getStatus() != Appointment.AppointmentStatus.BOOKED) {
      throw new UnprocessableEntityException("Appointment.status must be booked");
    }
    String slot = slotId;
    if (slot == null) {
      if (body.getSlot().size() != 1) {
        throw new UnprocessableEntityException(
            "Appointment.slot must contain exactly one Slot reference");
      }
      slot = Ids.referenceId(body.getSlotFirstRep().getReference(), "Slot");
    }
    if (slot == null || data.slot(slot).isEmpty()) {
      throw new UnprocessableEntityException("Appointment.slot does not reference a known Slot");
    }
    long patientId = patient(body);
    try {
      return data.book(slot, patientId, body.hasComment() ? body.getComment() : null);
    } catch (SlotUnavailableException e) {
      throw new ResourceVersionConflictException(e.getMessage());
    }
  }

  private long patient(Appointment body) {
    if (body.getParticipant().size() != 1) {
      throw new UnprocessableEntityException(
          "Appointment.participant must contain exactly one patient participant");
    }
    Appointment.AppointmentParticipantComponent participant = body.getParticipantFirstRep();
    if (participant.hasType()) {
      throw new UnprocessableEntityException("Appointment.participant.type must not be set");
    }
    if (participant.getStatus() != Appointment.ParticipationStatus.ACCEPTED) {
      throw new UnprocessableEntityException("Appointment.participant.status must be accepted");
    }
    String id = Ids.referenceId(participant.getActor().getReference(), "Patient");
    Long patientId = id == null ? null : Ids.numericOrNull(id);
    if (patientId == null || data.patient(patientId).isEmpty()) {
      throw new UnprocessableEntityException(
          "Appointment.participant.actor must reference a known Patient");
    }
    return patientId;
  }
}
