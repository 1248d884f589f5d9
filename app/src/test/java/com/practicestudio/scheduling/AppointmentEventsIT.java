package com.practicestudio.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.testing.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AppointmentChanged} is published inside the writing transaction: a listener's row commits
 * with the appointment, rolls back with it, and a failing listener undoes the change.
 */
@IntegrationTest
class AppointmentEventsIT {

  private static final String API = "/api/v1/appointments";

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired EventProbe probe;
  @Autowired AppointmentService appointments;
  @Autowired TransactionTemplate tx;

  JsonApi api;
  long patient;

  @BeforeEach
  void setUp() {
    api = JsonApi.admin(http, json);
    patient = new RecordsFixture(jdbc).patient();
    probe.watch(patient);
  }

  @Test
  void create_change_and_cancel_each_publish_one_event_with_before_and_after() {
    long id =
        api.post(
                API,
                Map.of(
                    "patientId",
                    patient,
                    "startTime",
                    "2026-11-19T14:30:00Z",
                    "durationMinutes",
                    20))
            .id();
    api.patch(API + "/" + id, Map.of("status", "arrived"));
    api.post(API + "/" + id + "/cancel", Map.of("reason", "left early"));

    assertThat(probe.rows("appointment", id))
        .hasSize(3)
        .satisfiesExactly(
            created -> assertThat(created).contains("\"kind\": \"CREATED\"", "\"before\": \"\""),
            updated ->
                assertThat(updated)
                    .contains("\"kind\": \"UPDATED\"", "\"before\": \"booked\"", "arrived"),
            cancelled ->
                assertThat(cancelled)
                    .contains("\"kind\": \"CANCELLED\"", "\"before\": \"arrived\"", "cancelled"));
  }

  @Test
  void the_listener_row_rolls_back_with_the_appointment() {
    long id =
        tx.execute(
            status -> {
              long created = appointments.create(draft(null)).id();
              // visible here: the listener wrote in this very transaction
              assertThat(probe.rows("appointment", created)).hasSize(1);
              status.setRollbackOnly();
              return created;
            });

    assertThat(probe.rows("appointment", id)).isEmpty();
    assertThat(count()).isZero();
  }

  @Test
  void a_failing_listener_undoes_the_change() {
    assertThatThrownBy(() -> appointments.create(draft(EventProbe.FAIL)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(count()).isZero();

    long id = appointments.create(draft(null)).id();
    JsonApi.Response failed = api.patch(API + "/" + id, Map.of("notes", EventProbe.FAIL));
    assertThat(failed.status()).isEqualTo(500);
    Appointment unchanged = appointments.byId(id);
    assertThat(unchanged.notes()).isNull();
    assertThat(unchanged.version()).isEqualTo(1);
  }

  private AppointmentDraft draft(String notes) {
    return new AppointmentDraft(
        null,
        patient,
        null,
        null,
        null,
        null,
        null,
        Instant.parse("2026-11-19T14:30:00Z"),
        null,
        15,
        null,
        notes,
        null,
        null,
        null);
  }

  private long count() {
    return jdbc.sql("SELECT count(*) FROM appointment WHERE patient_id = ?")
        .param(patient)
        .query(Long.class)
        .single();
  }
}
