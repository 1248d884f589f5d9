package com.practicestudio.scheduling;

import com.practicestudio.web.Cursor;
import com.practicestudio.web.InvalidRequestException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appointments, read with their location's time zone; sorted by start time, then id. */
@Repository
class AppointmentRepository {

  private static final String SELECT =
      "SELECT a.*, l.time_zone FROM appointment a LEFT JOIN location l ON l.id = a.location_id";

  private final JdbcClient jdbc;
  private final SchedulingZones zones;

  AppointmentRepository(JdbcClient jdbc, SchedulingZones zones) {
    this.jdbc = jdbc;
    this.zones = zones;
  }

  long insert(AppointmentDraft d, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO appointment (external_id, patient_id, provider_id, location_id,
                appointment_type, status, status_reason, start_time, end_time, reason, notes,
                cerner_domain_id, slot_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """)
        .params(with(columns(d), Timestamp.from(now), Timestamp.from(now)))
        .query(Long.class)
        .single();
  }

  /** Replaces the row if it still has {@code version}; answers whether it did. */
  boolean update(long id, AppointmentDraft d, int version, Instant now) {
    return jdbc.sql(
                """
                UPDATE appointment
                   SET external_id = ?, patient_id = ?, provider_id = ?, location_id = ?,
                       appointment_type = ?, status = ?, status_reason = ?, start_time = ?,
                       end_time = ?, reason = ?, notes = ?, cerner_domain_id = ?, slot_id = ?,
                       updated_at = ?, version = version + 1
                 WHERE id = ? AND version = ?
                """)
            .params(with(columns(d), Timestamp.from(now), id, version))
            .update()
        == 1;
  }

  Optional<Appointment> find(long id) {
    return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(this::map).optional();
  }

  Optional<Appointment> findForUpdate(long id) {
    return jdbc.sql(SELECT + " WHERE a.id = ? FOR UPDATE OF a")
        .param(id)
        .query(this::map)
        .optional();
  }

  Optional<Appointment> findByExternalId(String externalId) {
    return jdbc.sql(SELECT + " WHERE a.external_id = ?")
        .param(externalId)
        .query(this::map)
        .optional();
  }

  /** Rows after the cursor position, at most {@code limit} (null: all). */
  List<Appointment> search(AppointmentQuery q, String cursor, Integer limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
    List<Object> params = new ArrayList<>();
    filter(sql, params, "a.patient_id = ?", q.patientId());
    filter(sql, params, "a.external_id = ?", q.externalId());
    filter(sql, params, "a.provider_id = ?", q.providerId());
    filter(sql, params, "a.location_id = ?", q.locationId());
    filter(sql, params, "a.status = ?", q.status());
    filter(sql, params, "a.start_time >= ?", q.from() == null ? null : Timestamp.from(q.from()));
    filter(sql, params, "a.start_time < ?", q.to() == null ? null : Timestamp.from(q.to()));
    String key = Cursor.decode(cursor);
    if (key != null) {
      sql.append(" AND (a.start_time, a.id) > (?, ?)");
      params.add(Timestamp.from(cursorStart(key)));
      params.add(cursorId(key));
    }
    sql.append(" ORDER BY a.start_time, a.id");
    if (limit != null) {
      sql.append(" LIMIT ?");
      params.add(limit);
    }
    return jdbc.sql(sql.toString()).params(params).query(this::map).list();
  }

  int movePatient(long fromPatientId, long toPatientId, Instant now) {
    return jdbc.sql(
            "UPDATE appointment SET patient_id = ?, updated_at = ?, version = version + 1"
                + " WHERE patient_id = ?")
        .params(toPatientId, Timestamp.from(now), fromPatientId)
        .update();
  }

  /** The keyset cursor's sort key of an appointment. */
  static String sortKey(Appointment a) {
    return a.startTime() + "|" + a.id();
  }

  private static Instant cursorStart(String key) {
    try {
      return Instant.parse(key.substring(0, key.indexOf('|')));
    } catch (DateTimeException | IndexOutOfBoundsException e) {
      throw new InvalidRequestException("cursor", "is not a cursor this server issued");
    }
  }

  private static long cursorId(String key) {
    try {
      return Long.parseLong(key.substring(key.indexOf('|') + 1));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("cursor", "is not a cursor this server issued");
    }
  }

  private static void filter(StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      params.add(value);
    }
  }

  private static List<Object> with(List<Object> values, Object... more) {
    values.addAll(List.of(more));
    return values;
  }

  private static List<Object> columns(AppointmentDraft d) {
    List<Object> values = new ArrayList<>();
    values.add(d.externalId());
    values.add(d.patientId());
    values.add(d.providerId());
    values.add(d.locationId());
    values.add(d.appointmentType());
    values.add(d.status());
    values.add(d.statusReason());
    values.add(Timestamp.from(d.startTime()));
    values.add(Timestamp.from(d.endTime()));
    values.add(d.reason());
    values.add(d.notes());
    values.add(d.cernerDomainId());
    values.add(d.slotId());
    return values;
  }

  private Appointment map(ResultSet rs, int row) throws SQLException {
    Long locationId = rs.getObject("location_id", Long.class);
    return new Appointment(
        rs.getLong("id"),
        rs.getString("external_id"),
        rs.getLong("patient_id"),
        rs.getObject("provider_id", Long.class),
        locationId,
        rs.getString("appointment_type"),
        AppointmentStatus.fromCode(rs.getString("status")).orElseThrow(),
        rs.getString("status_reason"),
        rs.getTimestamp("start_time").toInstant(),
        rs.getTimestamp("end_time").toInstant(),
        rs.getString("reason"),
        rs.getString("notes"),
        rs.getObject("cerner_domain_id", Long.class),
        rs.getString("slot_id"),
        zones.zone(locationId, rs.getString("time_zone")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getInt("version"));
  }
}
