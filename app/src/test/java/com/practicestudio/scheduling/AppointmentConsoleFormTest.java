package com.practicestudio.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppointmentConsoleFormTest {

  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Location 7 is in Chicago; no location means Berlin (the default zone). */
  static final Function<Long, ZoneId> ZONES = id -> id == null ? BERLIN : CHICAGO;

  static AppointmentConsoleForm form(
      String patientId, String locationId, String start, String minutes, String version) {
    return new AppointmentConsoleForm(
        patientId,
        "",
        locationId,
        "follow-up",
        "booked",
        "",
        start,
        minutes,
        "check-up",
        "",
        version);
  }

  static Appointment stored() {
    return new Appointment(
        42,
        "SCH-1",
        5,
        3L,
        7L,
        "follow-up",
        AppointmentStatus.BOOKED,
        null,
        Instant.parse("2027-01-15T15:30:00Z"),
        Instant.parse("2027-01-15T16:00:00Z"),
        "check-up",
        null,
        9L,
        "slot-1",
        CHICAGO,
        Instant.EPOCH,
        Instant.EPOCH,
        4);
  }

  @Test
  void local_times_are_read_in_the_chosen_location_zone_or_the_default_zone() {
    AppointmentDraft atLocation = form("5", "7", "2027-01-15T09:30", "30", "").draft(null, ZONES);
    assertThat(atLocation.startTime()).isEqualTo(Instant.parse("2027-01-15T15:30:00Z"));
    assertThat(atLocation.durationMinutes()).isEqualTo(30);
    assertThat(atLocation.patientId()).isEqualTo(5);
    assertThat(atLocation.version()).isNull();

    AppointmentDraft nowhere = form("5", "", "2027-01-15T09:30", "30", "").draft(null, ZONES);
    assertThat(nowhere.locationId()).isNull();
    assertThat(nowhere.startTime()).isEqualTo(Instant.parse("2027-01-15T08:30:00Z"));
  }

  @Test
  void a_change_keeps_the_patient_and_cerner_ids_and_carries_the_version_read() {
    AppointmentDraft change =
        form("999", "7", "2027-01-15T10:00", "45", "4").draft(stored(), ZONES);
    assertThat(change.patientId()).as("a booking keeps its patient").isEqualTo(5);
    assertThat(change.externalId()).isEqualTo("SCH-1");
    assertThat(change.cernerDomainId()).isEqualTo(9L);
    assertThat(change.slotId()).isEqualTo("slot-1");
    assertThat(change.providerId()).as("cleared on the form").isNull();
    assertThat(change.startTime()).isEqualTo(Instant.parse("2027-01-15T16:00:00Z"));
    assertThat(change.endTime()).isNull();
    assertThat(change.durationMinutes()).isEqualTo(45);
    assertThat(change.version()).isEqualTo(4);
  }

  @Test
  void the_form_of_an_appointment_shows_its_local_times_and_reads_back_the_same() {
    AppointmentConsoleForm shown = AppointmentConsoleForm.of(stored());
    assertThat(shown.startTime()).isEqualTo("2027-01-15T09:30");
    assertThat(shown.durationMinutes()).isEqualTo("30");
    assertThat(shown.version()).isEqualTo("4");
    AppointmentDraft again = shown.draft(stored(), ZONES);
    assertThat(again.startTime()).isEqualTo(stored().startTime());
    assertThat(again.providerId()).isEqualTo(3L);
    assertThat(again.locationId()).isEqualTo(7L);
  }

  @Test
  void a_blank_form_starts_at_nine_on_the_day_for_thirty_minutes() {
    AppointmentConsoleForm blank = AppointmentConsoleForm.blank(5L, LocalDate.of(2027, 1, 15), 7L);
    assertThat(blank.startTime()).isEqualTo("2027-01-15T09:00");
    assertThat(blank.durationMinutes()).isEqualTo("30");
    assertThat(blank.patientId()).isEqualTo("5");
    assertThat(blank.locationId()).isEqualTo("7");
  }

  @ParameterizedTest
  @CsvSource({
    "x5, 7, 2027-01-15T09:30, 30, patientId, must be a whole number",
    "5, seven, 2027-01-15T09:30, 30, locationId, must be a whole number",
    "5, 7, tomorrow, 30, startTime, must be a date and time such as 2026-11-18T08:30",
    "5, 7, 2027-01-15T09:30, half an hour, durationMinutes, must be a whole number",
  })
  void text_that_does_not_parse_is_named_by_its_field(
      String patient, String location, String start, String minutes, String field, String why) {
    assertThatThrownBy(() -> form(patient, location, start, minutes, "").draft(null, ZONES))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems()).containsExactly(new FieldProblem(field, why)));
  }

  @Test
  void blank_fields_reach_the_service_as_absent_for_it_to_name() {
    AppointmentDraft draft = form(" ", "", "", "", "").draft(null, ZONES);
    assertThat(draft.patientId()).isNull();
    assertThat(draft.locationId()).isNull();
    assertThat(draft.startTime()).isNull();
    assertThat(draft.durationMinutes()).isNull();
  }

  @Test
  void a_huge_duration_goes_to_the_service_out_of_range_not_wrapped() {
    AppointmentDraft draft =
        form("5", "7", "2027-01-15T09:30", "99999999999", "").draft(null, ZONES);
    assertThat(draft.durationMinutes()).isEqualTo(Integer.MAX_VALUE);
  }
}
