package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.ScheduleRecord;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.scheduling.AppointmentDraft;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cerner Appointment → appointment, Slot → slot, and the booking we send. */
class SchedulingMapperTest {

  static final long DOMAIN = 42L;
  static final SchedulingMapper MAPPER = new SchedulingMapper(SeedCodeMaps.load());

  /** The sandbox's appointment types the default code maps know (by display, code set 14249). */
  static final Map<String, String> MAPPED_TYPES =
      Map.of("Office Visit", "office-visit", "Annual Physical", "annual-physical");

  record Field(
      String name,
      Function<AppointmentRecord, Object> expected,
      Function<AppointmentDraft, Object> actual) {
    @Override
    public String toString() {
      return name;
    }
  }

  record SlotField(
      String name, Function<SlotRecord, Object> expected, Function<CernerSlot, Object> actual) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Field> fields() {
    return Stream.of(
        new Field(
            "externalId", r -> Long.toString(r.appointmentId()), AppointmentDraft::externalId),
        new Field(
            "patientId (Patient participant)",
            r -> NumericReferences.local(r.patientId()),
            AppointmentDraft::patientId),
        new Field(
            "providerId (Practitioner participant)",
            r -> NumericReferences.local(r.providerId()),
            AppointmentDraft::providerId),
        new Field(
            "locationId (Location participant)",
            r -> NumericReferences.local(r.locationId()),
            AppointmentDraft::locationId),
        new Field(
            "appointmentType (service type through code maps)",
            r -> MAPPED_TYPES.get(r.serviceType().display()),
            AppointmentDraft::appointmentType),
        new Field(
            "status (through code maps)", AppointmentRecord::status, AppointmentDraft::status),
        new Field("startTime (UTC)", AppointmentRecord::start, AppointmentDraft::startTime),
        new Field("endTime (UTC)", AppointmentRecord::end, AppointmentDraft::endTime),
        new Field("notes (comment)", AppointmentRecord::comment, AppointmentDraft::notes),
        new Field("slotId", AppointmentRecord::slotId, AppointmentDraft::slotId),
        new Field("cernerDomainId", r -> DOMAIN, AppointmentDraft::cernerDomainId));
  }

  static Stream<SlotField> slotFields() {
    return Stream.of(
        new SlotField("id", SlotRecord::slotId, CernerSlot::id),
        new SlotField("scheduleId", SlotRecord::scheduleId, CernerSlot::scheduleId),
        new SlotField("status", r -> r.status().code(), CernerSlot::status),
        new SlotField("start", SlotRecord::start, CernerSlot::start),
        new SlotField("end", SlotRecord::end, CernerSlot::end),
        new SlotField(
            "serviceType (code set 14249 code)",
            r -> Long.toString(r.serviceType().millennium().value()),
            CernerSlot::serviceType),
        new SlotField(
            "serviceTypeDisplay", r -> r.serviceType().display(), CernerSlot::serviceTypeDisplay),
        new SlotField(
            "appointmentType (through code maps)",
            r -> MAPPED_TYPES.get(r.serviceType().display()),
            CernerSlot::appointmentType),
        new SlotField(
            "cernerLocationId (scheduling-location extension)",
            r -> Long.toString(schedule(r).locationId()),
            CernerSlot::cernerLocationId),
        new SlotField("version", r -> Integer.toString(r.version()), CernerSlot::version));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void maps_every_seeded_appointment(Field field) {
    assertThat(SandboxResources.data().appointments()).isNotEmpty();
    for (AppointmentRecord record : SandboxResources.data().appointments()) {
      Appointment served = SandboxResources.wire(SandboxResources.scheduling().toFhir(record));
      AppointmentDraft draft = MAPPER.toDraft(served, DOMAIN, new NumericReferences());
      assertThat(field.actual().apply(draft))
          .as("%s of Appointment/%s", field.name(), record.appointmentId())
          .isEqualTo(field.expected().apply(record));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slotFields")
  void maps_seeded_slots(SlotField field) {
    for (SlotRecord record : SandboxResources.data().slots().subList(0, 500)) {
      Slot served =
          SandboxResources.wire(SandboxResources.scheduling().toFhir(record, schedule(record)));
      assertThat(field.actual().apply(MAPPER.toSlot(served)))
          .as("%s of Slot/%s", field.name(), record.slotId())
          .isEqualTo(field.expected().apply(record));
    }
  }

  @Test
  void the_booking_request_is_what_cerner_takes_and_valid_r4() {
    SlotRecord free = SandboxResources.data().slots().get(7);
    CernerSlot slot = MAPPER.toSlot(SandboxResources.scheduling().toFhir(free, schedule(free)));
    Appointment booking = MAPPER.bookingRequest(slot, "12724066", "Flu shot");

    assertThat(R4Validation.errors(booking)).isEmpty();
    assertThat(booking.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
    assertThat(booking.getSlot())
        .extracting(r -> r.getReference())
        .containsExactly("Slot/" + free.slotId());
    assertThat(booking.getStart().toInstant()).isEqualTo(free.start());
    assertThat(booking.getEnd().toInstant()).isEqualTo(free.end());
    assertThat(booking.getParticipant()).hasSize(1);
    assertThat(booking.getParticipantFirstRep().getActor().getReference())
        .isEqualTo("Patient/12724066");
    assertThat(booking.getParticipantFirstRep().getStatus())
        .isEqualTo(Appointment.ParticipationStatus.ACCEPTED);
    assertThat(booking.getParticipantFirstRep().hasType()).isFalse();
    assertThat(booking.getComment()).isEqualTo("Flu shot");
  }

  @Test
  void holds_and_releases_slots_by_json_patch_only() {
    assertThat(SchedulingMapper.statusPatch("busy-tentative"))
        .isEqualTo("[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"busy-tentative\"}]");
    assertThat(SchedulingMapper.statusPatch("free")).contains("\"value\":\"free\"");
    assertThatThrownBy(() -> SchedulingMapper.statusPatch("busy"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reads_the_converted_hl7_appointment_example() {
    Appointment appointment = SandboxResources.corpus("msfc_Appointment.json", Appointment.class);
    AppointmentDraft draft =
        MAPPER.toDraft(appointment, DOMAIN, new NumericReferences(Map.of("example", 5L, "1", 6L)));
    assertThat(draft.patientId()).isEqualTo(5L);
    assertThat(draft.providerId()).isEqualTo(5L);
    assertThat(draft.locationId()).isEqualTo(6L);
    assertThat(draft.status()).isEqualTo("booked");
    assertThat(draft.startTime()).hasToString("2013-12-10T09:00:00Z");
    assertThat(draft.endTime()).hasToString("2013-12-10T11:00:00Z");
    assertThat(draft.appointmentType()).as("not a Cerner code set").isNull();
    assertThat(draft.slotId()).isNull();
  }

  @Test
  void reads_the_slot_example() {
    CernerSlot slot = MAPPER.toSlot(SandboxResources.corpus("msfc_Slot.json", Slot.class));
    assertThat(slot.id()).isEqualTo("example");
    assertThat(slot.scheduleId()).isEqualTo("example");
    assertThat(slot.status()).isEqualTo("free");
    assertThat(slot.serviceType()).isEqualTo("57");
    assertThat(slot.serviceTypeDisplay()).isEqualTo("Immunization");
    assertThat(slot.cernerLocationId()).isNull();
  }

  static ScheduleRecord schedule(SlotRecord slot) {
    return SandboxResources.data().schedule(slot.scheduleId()).orElseThrow();
  }
}
