package com.practicestudio.billing;

import com.practicestudio.web.Where;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChargeRepository {

  private final JdbcClient jdbc;

  ChargeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(ChargeDraft d, Instant now) {
    List<Object> params = columns(d);
    params.add(Timestamp.from(now));
    params.add(Timestamp.from(now));
    return jdbc.sql(
            """
            INSERT INTO charge (external_id, patient_id, encounter_id, code, code_system,
                modifiers, description, quantity, unit_amount, amount, service_date,
                diagnosis_codes, provider_id, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """)
        .params(params)
        .query(Long.class)
        .single();
  }

  boolean update(long id, ChargeDraft d, int version, Instant now) {
    List<Object> params = columns(d);
    params.add(Timestamp.from(now));
    params.add(id);
    params.add(version);
    return jdbc.sql(
                """
                UPDATE charge
                   SET external_id = ?, patient_id = ?, encounter_id = ?, code = ?,
                       code_system = ?, modifiers = ?, description = ?, quantity = ?,
                       unit_amount = ?, amount = ?, service_date = ?, diagnosis_codes = ?,
                       provider_id = ?, status = ?, updated_at = ?, version = version + 1
                 WHERE id = ? AND version = ?
                """)
            .params(params)
            .update()
        == 1;
  }

  /** Marks charges as billed (they are on a claim now). */
  void markBilled(Collection<Long> ids, Instant now) {
    for (long id : ids) {
      jdbc.sql(
              "UPDATE charge SET status = 'billed', updated_at = ?, version = version + 1"
                  + " WHERE id = ?")
          .params(Timestamp.from(now), id)
          .update();
    }
  }

  Optional<Charge> find(long id) {
    return jdbc.sql("SELECT * FROM charge WHERE id = ?")
        .param(id)
        .query(ChargeRepository::map)
        .optional();
  }

  Optional<Charge> findForUpdate(long id) {
    return jdbc.sql("SELECT * FROM charge WHERE id = ? FOR UPDATE")
        .param(id)
        .query(ChargeRepository::map)
        .optional();
  }

  /** The claims a charge is on whose status still bills it (not rejected or denied). */
  List<String> activeClaimNumbers(long chargeId) {
    return jdbc.sql(
            "SELECT c.claim_number FROM claim_line l JOIN claim c ON c.id = l.claim_id"
                + " WHERE l.charge_id = ? AND c.status NOT IN ('rejected', 'denied')")
        .param(chargeId)
        .query(String.class)
        .list();
  }

  List<Charge> search(ChargeQuery q, String cursor, int limit) {
    Where where =
        new Where()
            .and("patient_id = ?", q.patientId())
            .and("encounter_id = ?", q.encounterId())
            .and("code = ?", q.code())
            .and("status = ?", q.status())
            .and("external_id = ?", q.externalId())
            .and("service_date >= ?", q.from())
            .and("service_date < ?", q.to())
            .afterCursor("id", cursor);
    return jdbc.sql("SELECT * FROM charge" + where.sql() + " ORDER BY id LIMIT ?")
        .params(where.params(limit))
        .query(ChargeRepository::map)
        .list();
  }

  int movePatient(long fromPatientId, long toPatientId, Instant now) {
    return jdbc.sql(
            "UPDATE charge SET patient_id = ?, updated_at = ?, version = version + 1"
                + " WHERE patient_id = ?")
        .params(toPatientId, Timestamp.from(now), fromPatientId)
        .update();
  }

  private static List<Object> columns(ChargeDraft d) {
    List<Object> values = new ArrayList<>();
    values.add(d.externalId());
    values.add(d.patientId());
    values.add(d.encounterId());
    values.add(d.code());
    values.add(d.codeSystem());
    values.add(d.modifiers().toArray(String[]::new));
    values.add(d.description());
    values.add(d.quantity());
    values.add(d.unitAmount());
    values.add(d.amount());
    values.add(d.serviceDate());
    values.add(d.diagnosisCodes().toArray(String[]::new));
    values.add(d.providerId());
    values.add(d.status());
    return values;
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Charge map(ResultSet rs, int row) throws SQLException {
    return new Charge(
        rs.getLong("id"),
        rs.getString("external_id"),
        rs.getLong("patient_id"),
        rs.getObject("encounter_id", Long.class),
        rs.getString("code"),
        rs.getString("code_system"),
        strings(rs.getArray("modifiers")),
        rs.getString("description"),
        rs.getBigDecimal("quantity"),
        rs.getBigDecimal("unit_amount"),
        rs.getBigDecimal("amount"),
        "USD",
        rs.getObject("service_date", LocalDate.class),
        strings(rs.getArray("diagnosis_codes")),
        rs.getObject("provider_id", Long.class),
        rs.getString("status"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getInt("version"));
  }
}
