package com.practicestudio.clinical;

import com.practicestudio.web.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EncounterRepository {

  private final JdbcClient jdbc;

  EncounterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the row; answers it as stored. */
  Encounter insert(EncounterDraft d, Instant now) {
    List<Object> params = columns(d);
    params.add(Timestamp.from(now));
    params.add(Timestamp.from(now));
    return jdbc.sql(
            """
            INSERT INTO encounter (external_id, patient_id, fin, fin_assigning_authority,
                visit_number, encounter_class, status, location_id, attending_provider_id,
                admit_time, discharge_time, reason, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING *
            """)
        .params(params)
        .query(EncounterRepository::map)
        .single();
  }

  boolean update(long id, EncounterDraft d, int version, Instant now) {
    List<Object> params = columns(d);
    params.add(Timestamp.from(now));
    params.add(id);
    params.add(version);
    return jdbc.sql(
                """
                UPDATE encounter
                   SET external_id = ?, patient_id = ?, fin = ?, fin_assigning_authority = ?,
                       visit_number = ?, encounter_class = ?, status = ?, location_id = ?,
                       attending_provider_id = ?, admit_time = ?, discharge_time = ?, reason = ?,
                       updated_at = ?, version = version + 1
                 WHERE id = ? AND version = ?
                """)
            .params(params)
            .update()
        == 1;
  }

  Optional<Encounter> find(long id) {
    return jdbc.sql("SELECT * FROM encounter WHERE id = ?")
        .param(id)
        .query(EncounterRepository::map)
        .optional();
  }

  Optional<Encounter> findByFin(String assigningAuthority, String fin) {
    return jdbc.sql("SELECT * FROM encounter WHERE fin_assigning_authority = ? AND fin = ?")
        .params(assigningAuthority == null ? "" : assigningAuthority, fin)
        .query(EncounterRepository::map)
        .optional();
  }

  /** The encounters of these FINs, in one statement (one index lookup each). */
  Map<EncounterService.Fin, Encounter> findByFins(List<EncounterService.Fin> fins) {
    Map<EncounterService.Fin, Encounter> found = new HashMap<>();
    jdbc.sql(
            """
            SELECT e.* FROM unnest(?::text[], ?::text[]) AS k(authority, fin)
             CROSS JOIN LATERAL (
                   SELECT * FROM encounter
                    WHERE fin_assigning_authority = k.authority AND fin = k.fin OFFSET 0) e
            """)
        .params(
            fins.stream().map(EncounterService.Fin::assigningAuthority).toArray(String[]::new),
            fins.stream().map(EncounterService.Fin::value).toArray(String[]::new))
        .query(EncounterRepository::map)
        .list()
        .forEach(e -> found.put(EncounterService.Fin.of(e.finAssigningAuthority(), e.fin()), e));
    return found;
  }

  List<Encounter> search(EncounterQuery q, String cursor, int limit) {
    Where where =
        new Where()
            .and("patient_id = ?", q.patientId())
            .and("fin = ?", q.fin())
            .and("external_id = ?", q.externalId())
            .and("status = ?", q.status())
            .and("encounter_class = ?", q.encounterClass())
            .and("admit_time >= ?", q.from())
            .and("admit_time < ?", q.to())
            .afterCursor("id", cursor);
    return jdbc.sql("SELECT * FROM encounter" + where.sql() + " ORDER BY id LIMIT ?")
        .params(where.params(limit))
        .query(EncounterRepository::map)
        .list();
  }

  int movePatient(long fromPatientId, long toPatientId, Instant now) {
    return jdbc.sql(
            "UPDATE encounter SET patient_id = ?, updated_at = ?, version = version + 1"
                + " WHERE patient_id = ?")
        .params(toPatientId, Timestamp.from(now), fromPatientId)
        .update();
  }

  private static List<Object> columns(EncounterDraft d) {
    List<Object> values = new ArrayList<>();
    values.add(d.externalId());
    values.add(d.patientId());
    values.add(d.fin());
    values.add(d.finAssigningAuthority());
    values.add(d.visitNumber());
    values.add(d.encounterClass());
    values.add(d.status());
    values.add(d.locationId());
    values.add(d.attendingProviderId());
    values.add(timestamp(d.admitTime()));
    values.add(timestamp(d.dischargeTime()));
    values.add(d.reason());
    return values;
  }

  static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Encounter map(ResultSet rs, int row) throws SQLException {
    return new Encounter(
        rs.getLong("id"),
        rs.getString("external_id"),
        rs.getLong("patient_id"),
        rs.getString("fin"),
        rs.getString("fin_assigning_authority"),
        rs.getString("visit_number"),
        rs.getString("encounter_class"),
        rs.getString("status"),
        rs.getObject("location_id", Long.class),
        rs.getObject("attending_provider_id", Long.class),
        instant(rs, "admit_time"),
        instant(rs, "discharge_time"),
        rs.getString("reason"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getInt("version"));
  }
}
