package com.practicestudio.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.scheduling.RecordsFixture;
import com.practicestudio.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A merge hands the merged record's appointments, encounters and charges to the survivor. */
@IntegrationTest
class MergeMovesRecordsIT {

  @Autowired PatientService patients;
  @Autowired JdbcClient jdbc;

  @Test
  void a_merge_moves_appointments_encounters_and_charges_to_the_survivor() {
    RecordsFixture fixture = new RecordsFixture(jdbc);
    long survivor = fixture.patient();
    long merged = fixture.patient();
    long location = fixture.location("America/Chicago");
    jdbc.sql(
            "INSERT INTO appointment (patient_id, location_id, status, start_time, end_time)"
                + " VALUES (?, ?, 'booked', now(), now() + interval '30 minutes')")
        .params(merged, location)
        .update();
    jdbc.sql(
            "INSERT INTO encounter (patient_id, fin, encounter_class, status)"
                + " VALUES (?, ?, 'outpatient', 'finished')")
        .params(merged, "F" + RecordsFixture.unique())
        .update();
    jdbc.sql(
            "INSERT INTO charge (patient_id, code, code_system, quantity, unit_amount, amount,"
                + " service_date, status) VALUES (?, '99213', 'CPT', 1, 100.00, 100.00,"
                + " current_date, 'open')")
        .param(merged)
        .update();

    patients.merge(survivor, merged, "test", null);

    for (String table : new String[] {"appointment", "encounter", "charge"}) {
      assertThat(count(table, merged)).as(table + " left on the merged record").isZero();
      assertThat(count(table, survivor)).as(table + " on the survivor").isEqualTo(1);
    }
  }

  private long count(String table, long patientId) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE patient_id = ?")
        .param(patientId)
        .query(Long.class)
        .single();
  }
}
