package com.practicestudio.clinical;

import static com.practicestudio.clinical.EncounterRepository.instant;
import static com.practicestudio.clinical.EncounterRepository.timestamp;

import com.practicestudio.web.Where;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ObservationRepository {

  private final JdbcClient jdbc;

  ObservationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(ObservationDraft d, BigDecimal numeric, Instant now) {
    List<Object> params = columns(d, numeric);
    params.add(Boolean.TRUE.equals(d.sendToCerner()));
    params.add(Timestamp.from(now));
    params.add(Timestamp.from(now));
    return jdbc.sql(
            """
            INSERT INTO observation (external_id, patient_id, encounter_id, category, code,
                code_system, display, value, value_numeric, unit, reference_range, abnormal_flag,
                status, effective_time, issued_time, performer_id, notes, order_id, accession,
                send_to_cerner, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """)
        .params(params)
        .query(Long.class)
        .single();
  }

  boolean update(long id, ObservationDraft d, BigDecimal numeric, int version, Instant now) {
    List<Object> params = columns(d, numeric);
    params.add(Timestamp.from(now));
    params.add(id);
    params.add(version);
    return jdbc.sql(
                """
                UPDATE observation
                   SET external_id = ?, patient_id = ?, encounter_id = ?, category = ?, code = ?,
                       code_system = ?, display = ?, value = ?, value_numeric = ?, unit = ?,
                       reference_range = ?, abnormal_flag = ?, status = ?, effective_time = ?,
                       issued_time = ?, performer_id = ?, notes = ?, order_id = ?, accession = ?,
                       updated_at = ?, version = version + 1
                 WHERE id = ? AND version = ?
                """)
            .params(params)
            .update()
        == 1;
  }

  boolean recordCernerStatus(long id, String cernerStatus, String externalId, Instant now) {
    return jdbc.sql(
                "UPDATE observation SET cerner_status = ?,"
                    + " external_id = coalesce(?, external_id), updated_at = ? WHERE id = ?")
            .params(cernerStatus, externalId, Timestamp.from(now), id)
            .update()
        == 1;
  }

  Optional<Observation> find(long id) {
    return jdbc.sql("SELECT * FROM observation WHERE id = ?")
        .param(id)
        .query(ObservationRepository::map)
        .optional();
  }

  List<Observation> search(ObservationQuery q, String cursor, int limit) {
    Where where =
        new Where()
            .and("patient_id = ?", q.patientId())
            .and("encounter_id = ?", q.encounterId())
            .and("code = ?", q.code())
            .and("category = ?", q.category())
            .and("accession = ?", q.accession())
            .and("external_id = ?", q.externalId())
            .and("effective_time >= ?", q.from())
            .and("effective_time < ?", q.to())
            .afterCursor("id", cursor);
    return jdbc.sql("SELECT * FROM observation" + where.sql() + " ORDER BY id LIMIT ?")
        .params(where.params(limit))
        .query(ObservationRepository::map)
        .list();
  }

  int movePatient(long fromPatientId, long toPatientId, Instant now) {
    return jdbc.sql(
            "UPDATE observation SET patient_id = ?, updated_at = ?, version = version + 1"
                + " WHERE patient_id = ?")
        .params(toPatientId, Timestamp.from(now), fromPatientId)
        .update();
  }

  private static List<Object> columns(ObservationDraft d, BigDecimal numeric) {
    List<Object> values = new ArrayList<>();
    values.add(d.externalId());
    values.add(d.patientId());
    values.add(d.encounterId());
    values.add(d.category());
    values.add(d.code());
    values.add(d.codeSystem());
    values.add(d.display());
    values.add(d.value());
    values.add(numeric);
    values.add(d.unit());
    values.add(d.referenceRange());
    values.add(d.abnormalFlag());
    values.add(d.status());
    values.add(timestamp(d.effectiveTime()));
    values.add(timestamp(d.issuedTime()));
    values.add(d.performerId());
    values.add(d.notes());
    values.add(d.orderId());
    values.add(d.accession());
    return values;
  }

  private static Observation map(ResultSet rs, int row) throws SQLException {
    return new Observation(
        rs.getLong("id"),
        rs.getString("external_id"),
        rs.getLong("patient_id"),
        rs.getObject("encounter_id", Long.class),
        rs.getString("category"),
        rs.getString("code"),
        rs.getString("code_system"),
        rs.getString("display"),
        rs.getString("value"),
        rs.getBigDecimal("value_numeric"),
        rs.getString("unit"),
        rs.getString("reference_range"),
        rs.getString("abnormal_flag"),
        rs.getString("status"),
        instant(rs, "effective_time"),
        instant(rs, "issued_time"),
        rs.getObject("performer_id", Long.class),
        rs.getString("notes"),
        rs.getString("order_id"),
        rs.getString("accession"),
        rs.getBoolean("send_to_cerner"),
        rs.getString("cerner_status"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getInt("version"));
  }
}
