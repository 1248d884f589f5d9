package com.practicestudio.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.scheduling.EventProbe;
import com.practicestudio.scheduling.RecordsFixture;
import com.practicestudio.testing.IntegrationTest;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class ClinicalEventsAndMergeIT {

  @Autowired JdbcClient jdbc;
  @Autowired EventProbe probe;
  @Autowired TransactionTemplate tx;
  @Autowired EncounterService encounters;
  @Autowired ObservationService observations;
  @Autowired DocumentService documents;
  @Autowired ClinicalMerge merge;

  RecordsFixture fixture;
  long patient;

  @BeforeEach
  void setUp() {
    fixture = new RecordsFixture(jdbc);
    patient = fixture.patient();
    probe.watch(patient);
  }

  ObservationDraft observation(long patientId, Long encounterId, String notes) {
    return new ObservationDraft(
        null,
        patientId,
        encounterId,
        "laboratory",
        "2339-0",
        null,
        "Glucose",
        "5.4",
        "mmol/L",
        null,
        null,
        "final",
        Instant.parse("2026-11-19T14:30:00Z"),
        null,
        null,
        notes,
        null,
        null,
        true,
        null);
  }

  DocumentDraft document(long patientId, Long encounterId, String title) {
    return new DocumentDraft(
        null,
        patientId,
        encounterId,
        new DocumentType("11506-3", "Progress note"),
        title,
        null,
        null,
        null,
        "text/plain",
        Base64.getEncoder().encodeToString("note".getBytes()),
        true,
        null);
  }

  @Test
  void creates_publish_their_event_inside_the_transaction() {
    long observationId = observations.create(observation(patient, null, null)).id();
    long documentId = documents.create(document(patient, null, "Note")).id();
    assertThat(probe.rows("observation", observationId))
        .singleElement()
        .asString()
        .contains("\"sendToCerner\": true");
    assertThat(probe.rows("clinical_document", documentId)).hasSize(1);

    long[] rolledBack =
        tx.execute(
            status -> {
              long o = observations.create(observation(patient, null, null)).id();
              long d = documents.create(document(patient, null, "Note")).id();
              assertThat(probe.rows("observation", o)).hasSize(1);
              status.setRollbackOnly();
              return new long[] {o, d};
            });
    assertThat(probe.rows("observation", rolledBack[0])).isEmpty();
    assertThat(probe.rows("clinical_document", rolledBack[1])).isEmpty();
    assertThat(count("observation", rolledBack[0])).isZero();
    assertThat(count("clinical_document", rolledBack[1])).isZero();
  }

  @Test
  void a_failing_listener_undoes_the_create() {
    assertThatThrownBy(() -> observations.create(observation(patient, null, EventProbe.FAIL)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> documents.create(document(patient, null, EventProbe.FAIL)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(
            jdbc.sql(
                    "SELECT (SELECT count(*) FROM observation WHERE patient_id = ?)"
                        + " + (SELECT count(*) FROM clinical_document WHERE patient_id = ?)")
                .params(patient, patient)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void move_patient_hands_every_clinical_record_to_the_survivor() {
    long survivor = fixture.patient();
    long bystander = fixture.patient();
    Encounter visit =
        encounters.create(
            new EncounterDraft(
                null,
                patient,
                "FIN" + RecordsFixture.unique(),
                null,
                null,
                "outpatient",
                "finished",
                null,
                null,
                null,
                null,
                null,
                null));
    Observation result = observations.create(observation(patient, visit.id(), null));
    ClinicalDocument note = documents.create(document(patient, visit.id(), "Note"));
    Observation other = observations.create(observation(bystander, null, null));

    assertThat(merge.movePatient(patient, survivor)).isEqualTo(new ClinicalMerge.Moved(1, 1, 1));

    assertThat(encounters.byId(visit.id()).patientId()).isEqualTo(survivor);
    assertThat(observations.byId(result.id()).patientId()).isEqualTo(survivor);
    assertThat(documents.byId(note.id()).patientId()).isEqualTo(survivor);
    assertThat(documents.content(note.id()).bytes()).isEqualTo("note".getBytes());
    assertThat(observations.byId(other.id()).patientId()).isEqualTo(bystander);
    assertThat(merge.movePatient(patient, survivor)).isEqualTo(new ClinicalMerge.Moved(0, 0, 0));
  }

  private long count(String table, long id) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
