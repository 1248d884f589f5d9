package com.practicestudio.patients;

import com.practicestudio.security.Actor;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merges one patient record into another (HL7 A40, FHIR link, console). Runs inside the caller's
 * transaction: the merged record becomes inactive and points at the survivor, records merged into
 * it earlier are repointed (chains stay one hop), its identifiers and new coverages move to the
 * survivor, the history row is written and {@link PatientsMerged} is published for other features.
 */
@Component
class PatientMerger {

  private final JdbcClient jdbc;
  private final PatientRepository patients;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  private final Clock clock;

  PatientMerger(
      JdbcClient jdbc,
      PatientRepository patients,
      ApplicationEventPublisher events,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.patients = patients;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  PatientMerge merge(long survivorId, long mergedId, String source, Long exchangeId) {
    if (survivorId == mergedId) {
      throw new InvalidRequestException("mergedId", "must differ from the surviving patient");
    }
    // lock both rows, lower id first, so two merges of the same pair cannot deadlock
    lock(Math.min(survivorId, mergedId), survivorId);
    lock(Math.max(survivorId, mergedId), survivorId);
    Patient survivor = patients.find(survivorId, PatientRepository.SsnPolicy.NONE).orElseThrow();
    Patient merged = patients.find(mergedId, PatientRepository.SsnPolicy.NONE).orElseThrow();
    if (merged.merged() && merged.mergedIntoId() == survivorId) {
      return byMergedId(mergedId).orElseThrow(); // a replayed merge: already done
    }
    if (merged.merged()) {
      throw new ConflictException(
          "patient " + mergedId + " was already merged into patient " + merged.mergedIntoId());
    }
    if (survivor.merged()) {
      throw new ConflictException(
          "patient "
              + survivorId
              + " was merged into patient "
              + survivor.mergedIntoId()
              + "; merge into that one");
    }
    Timestamp now = Timestamp.from(clock.instant());
    moveRows(survivorId, mergedId, now);
    long id =
        jdbc.sql(
                """
                INSERT INTO patient_merge (survivor_id, merged_id, merged_mrn, source, exchange_id, actor, merged_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(survivorId, mergedId, merged.mrn(), source, exchangeId, Actor.name(), now)
            .query(Long.class)
            .single();
    audit.record(
        AuditAction.RECORD_UPDATE,
        "patient",
        survivorId,
        Map.of("merged", mergedId, "source", source));
    audit.record(
        AuditAction.RECORD_UPDATE,
        "patient",
        mergedId,
        Map.of("mergedInto", survivorId, "source", source));
    events.publishEvent(new PatientsMerged(survivorId, mergedId, source, exchangeId));
    return byId(id);
  }

  List<PatientMerge> history(long patientId) {
    return jdbc.sql(
            "SELECT * FROM patient_merge WHERE survivor_id = ? OR merged_id = ? ORDER BY id")
        .params(patientId, patientId)
        .query(PatientMerger::map)
        .list();
  }

  private void moveRows(long survivorId, long mergedId, Timestamp now) {
    jdbc.sql(
            "UPDATE patient SET active = false, merged_into_id = ?, version = version + 1,"
                + " updated_at = ? WHERE id = ?")
        .params(survivorId, now, mergedId)
        .update();
    jdbc.sql("UPDATE patient SET merged_into_id = ?, updated_at = ? WHERE merged_into_id = ?")
        .params(survivorId, now, mergedId)
        .update();
    jdbc.sql("UPDATE patient_identifier SET patient_id = ? WHERE patient_id = ?")
        .params(survivorId, mergedId)
        .update();
    // coverages the survivor lacks (same insurer and member id) follow it, after its own
    jdbc.sql(
            """
            UPDATE patient_coverage m
               SET patient_id = :survivor, updated_at = :now,
                   priority = m.priority + (SELECT coalesce(max(priority), 0) FROM patient_coverage
                                             WHERE patient_id = :survivor)
             WHERE m.patient_id = :merged
               AND NOT EXISTS (SELECT 1 FROM patient_coverage s
                                WHERE s.patient_id = :survivor AND s.insurer_name = m.insurer_name
                                  AND s.member_id IS NOT DISTINCT FROM m.member_id)
            """)
        .param("survivor", survivorId)
        .param("merged", mergedId)
        .param("now", now)
        .update();
    jdbc.sql("UPDATE patient SET version = version + 1, updated_at = ? WHERE id = ?")
        .params(now, survivorId)
        .update();
  }

  private void lock(long id, long survivorId) {
    if (patients.lock(id).isEmpty()) {
      if (id == survivorId) {
        throw new NotFoundException("patient", id);
      }
      throw new InvalidRequestException("mergedId", "names no patient");
    }
  }

  private Optional<PatientMerge> byMergedId(long mergedId) {
    return jdbc.sql("SELECT * FROM patient_merge WHERE merged_id = ?")
        .param(mergedId)
        .query(PatientMerger::map)
        .optional();
  }

  private PatientMerge byId(long id) {
    return jdbc.sql("SELECT * FROM patient_merge WHERE id = ?")
        .param(id)
        .query(PatientMerger::map)
        .single();
  }

  private static PatientMerge map(ResultSet rs, int row) throws SQLException {
    long exchange = rs.getLong("exchange_id");
    boolean noExchange = rs.wasNull();
    return new PatientMerge(
        rs.getLong("id"),
        rs.getLong("survivor_id"),
        rs.getLong("merged_id"),
        rs.getString("source"),
        noExchange ? null : exchange,
        rs.getString("actor"),
        rs.getTimestamp("merged_at").toInstant());
  }
}
