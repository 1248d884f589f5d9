package com.practicestudio.clinical;

import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patient merges: hands a merged patient's clinical records to the survivor. */
@Service
public class ClinicalMerge {

  /** How many records moved. */
  public record Moved(int encounters, int observations, int documents) {}

  private final EncounterRepository encounters;
  private final ObservationRepository observations;
  private final DocumentRepository documents;
  private final AuditLog audit;
  private final Clock clock;

  ClinicalMerge(
      EncounterRepository encounters,
      ObservationRepository observations,
      DocumentRepository documents,
      AuditLog audit,
      Clock clock) {
    this.encounters = encounters;
    this.observations = observations;
    this.documents = documents;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Moves every encounter, observation and document of {@code fromPatientId} to {@code
   * toPatientId}, in the caller's (the merge's) transaction. Publishes no events.
   */
  @Transactional
  public Moved movePatient(long fromPatientId, long toPatientId) {
    if (fromPatientId == toPatientId) {
      throw new InvalidRequestException("toPatientId", "must differ from fromPatientId");
    }
    Instant now = clock.instant();
    Moved moved =
        new Moved(
            encounters.movePatient(fromPatientId, toPatientId, now),
            observations.movePatient(fromPatientId, toPatientId, now),
            documents.movePatient(fromPatientId, toPatientId, now));
    if (moved.encounters() + moved.observations() + moved.documents() > 0) {
      audit.record(
          AuditAction.RECORD_UPDATE,
          "patient",
          toPatientId,
          Map.of(
              "movedFromPatientId", fromPatientId,
              "encounters", moved.encounters(),
              "observations", moved.observations(),
              "documents", moved.documents()));
    }
    return moved;
  }
}
