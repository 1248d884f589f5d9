package com.practicestudio.sandbox.fhir;

import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.ScheduleRecord;
import com.practicestudio.sandbox.data.SlotRecord;
import java.util.Date;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;

/** Schedules, slots and appointments as Cerner's scheduling resources. */
public final class SchedulingMapper {

  private final CernerCodes codes;

  public SchedulingMapper(CernerCodes codes) {
    this.codes = codes;
  }

  public Schedule toFhir(ScheduleRecord record) {
    Schedule schedule = new Schedule();
    schedule.setId(record.scheduleId());
    schedule.setActive(true);
    record.serviceTypes().forEach(type -> schedule.addServiceType(codes.concept(type)));
    schedule.addActor(new Reference("Practitioner/" + record.providerId()));
    schedule.addActor(new Reference("Location/" + record.locationId()));
    schedule.setPlanningHorizon(
        new Period()
            .setStart(Date.from(record.horizonStart()))
            .setEnd(Date.from(record.horizonEnd())));
    return schedule;
  }

  public Slot toFhir(SlotRecord record, ScheduleRecord schedule) {
    Slot slot = new Slot();
    slot.setId(record.slotId());
    slot.getMeta()
        .setVersionId(Integer.toString(record.version()))
        .setLastUpdated(Date.from(record.lastUpdated()));
    slot.addExtension(
        new Extension(
            CernerCodes.SCHEDULING_LOCATION, new Reference("Location/" + schedule.locationId())));
    slot.addServiceType(codes.concept(record.serviceType()));
    slot.setSchedule(new Reference("Schedule/" + record.scheduleId()));
    slot.setStatus(Slot.SlotStatus.fromCode(record.status().code()));
    slot.setStart(Date.from(record.start()));
    slot.setEnd(Date.from(record.end()));
    return slot;
  }

  public Appointment toFhir(AppointmentRecord record) {
    Appointment appointment = new Appointment();
    appointment.setId(Long.toString(record.appointmentId()));
    appointment
        .getMeta()
        .setVersionId(Integer.toString(record.version()))
        .setLastUpdated(Date.from(record.lastUpdated()));
    appointment.setStatus(Appointment.AppointmentStatus.fromCode(record.status()));
    appointment.addServiceType(codes.concept(record.serviceType()));
    appointment.setStart(Date.from(record.start()));
    appointment.setEnd(Date.from(record.end()));
    appointment.setMinutesDuration(
        (int) java.time.Duration.between(record.start(), record.end()).toMinutes());
    appointment.addSlot(new Reference("Slot/" + record.slotId()));
    if (record.comment() != null) {
      appointment.setComment(record.comment());
    }
    participant(appointment, "Patient/" + record.patientId());
    participant(appointment, "Practitioner/" + record.providerId());
    participant(appointment, "Location/" + record.locationId());
    return appointment;
  }

  private static void participant(Appointment appointment, String reference) {
    appointment
        .addParticipant()
        .setActor(new Reference(reference))
        .setRequired(Appointment.ParticipantRequired.REQUIRED)
        .setStatus(Appointment.ParticipationStatus.ACCEPTED);
  }
}
