package com.practicestudio.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.testing.IntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SchedulingMovePatientIT {

  @Autowired AppointmentService appointments;
  @Autowired JdbcClient jdbc;

  @Test
  void move_patient_hands_every_appointment_to_the_survivor_and_leaves_others_alone() {
    RecordsFixture fixture = new RecordsFixture(jdbc);
    long merged = fixture.patient();
    long survivor = fixture.patient();
    long bystander = fixture.patient();
    Appointment a = appointments.create(draft(merged, "2026-11-19T14:30:00Z"));
    Appointment b = appointments.create(draft(merged, "2026-11-20T14:30:00Z"));
    Appointment other = appointments.create(draft(bystander, "2026-11-19T14:30:00Z"));

    assertThat(appointments.movePatient(merged, survivor)).isEqualTo(2);

    assertThat(appointments.byId(a.id()).patientId()).isEqualTo(survivor);
    assertThat(appointments.byId(b.id()).patientId()).isEqualTo(survivor);
    assertThat(appointments.byId(b.id()).version()).isEqualTo(2);
    assertThat(appointments.byId(other.id()).patientId()).isEqualTo(bystander);
    assertThat(appointments.search(query(merged), 10, null).items()).isEmpty();
    assertThat(appointments.movePatient(merged, survivor)).isZero();
  }

  private static AppointmentQuery query(long patientId) {
    return new AppointmentQuery(patientId, null, null, null, null, null, null);
  }

  private static AppointmentDraft draft(long patientId, String start) {
    return new AppointmentDraft(
        null,
        patientId,
        null,
        null,
        null,
        null,
        null,
        Instant.parse(start),
        null,
        30,
        null,
        null,
        null,
        null,
        null);
  }
}
