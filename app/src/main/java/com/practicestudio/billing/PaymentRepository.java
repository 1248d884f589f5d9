package com.practicestudio.billing;

import static com.practicestudio.billing.ChargeRepository.instant;

import com.practicestudio.web.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

  private final JdbcClient jdbc;

  PaymentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(PaymentDraft d, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO payment (patient_id, claim_id, remittance_id, amount, method,
                received_date, reference, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """)
        .params(
            d.patientId(),
            d.claimId(),
            d.remittanceId(),
            d.amount(),
            d.method(),
            d.receivedDate(),
            d.reference(),
            Timestamp.from(now),
            Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  boolean update(long id, PaymentDraft d, int version, Instant now) {
    return jdbc.sql(
                """
                UPDATE payment
                   SET patient_id = ?, claim_id = ?, remittance_id = ?, amount = ?, method = ?,
                       received_date = ?, reference = ?, updated_at = ?, version = version + 1
                 WHERE id = ? AND version = ?
                """)
            .params(
                d.patientId(),
                d.claimId(),
                d.remittanceId(),
                d.amount(),
                d.method(),
                d.receivedDate(),
                d.reference(),
                Timestamp.from(now),
                id,
                version)
            .update()
        == 1;
  }

  Optional<Payment> find(long id) {
    return jdbc.sql("SELECT * FROM payment WHERE id = ?")
        .param(id)
        .query(PaymentRepository::map)
        .optional();
  }

  List<Payment> search(PaymentQuery q, String cursor, int limit) {
    Where where =
        new Where()
            .and("patient_id = ?", q.patientId())
            .and("claim_id = ?", q.claimId())
            .and("remittance_id = ?", q.remittanceId())
            .and("received_date >= ?", q.from())
            .and("received_date < ?", q.to())
            .afterCursor("id", cursor);
    return jdbc.sql("SELECT * FROM payment" + where.sql() + " ORDER BY id LIMIT ?")
        .params(where.params(limit))
        .query(PaymentRepository::map)
        .list();
  }

  int movePatient(long fromPatientId, long toPatientId, Instant now) {
    return jdbc.sql(
            "UPDATE payment SET patient_id = ?, updated_at = ?, version = version + 1"
                + " WHERE patient_id = ?")
        .params(toPatientId, Timestamp.from(now), fromPatientId)
        .update();
  }

  private static Payment map(ResultSet rs, int row) throws SQLException {
    return new Payment(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        rs.getObject("claim_id", Long.class),
        rs.getObject("remittance_id", Long.class),
        rs.getBigDecimal("amount"),
        "USD",
        rs.getString("method"),
        rs.getObject("received_date", LocalDate.class),
        rs.getString("reference"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getInt("version"));
  }
}
