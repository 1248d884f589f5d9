package com.practicestudio.billing;

import static com.practicestudio.billing.ChargeRepository.instant;

import com.practicestudio.billing.Remittance.Adjustment;
import com.practicestudio.billing.Remittance.ClaimPayment;
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
class RemittanceRepository {

  private final JdbcClient jdbc;

  RemittanceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(RemittanceDraft d, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO remittance (payer_name, payer_id, check_number, payment_method,
                payment_date, total_paid, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """)
        .params(
            d.payerName(),
            d.payerId(),
            d.checkNumber(),
            d.paymentMethod(),
            d.paymentDate(),
            d.totalPaid(),
            Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  void insertClaim(long remittanceId, int position, ClaimPayment c) {
    long id =
        jdbc.sql(
                """
                INSERT INTO remittance_claim (remittance_id, position, claim_number, claim_id,
                    claim_status_code, payer_claim_id, billed, paid, patient_responsibility)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id
                """)
            .params(
                remittanceId,
                position,
                c.claimNumber(),
                c.claimId(),
                c.claimStatusCode(),
                c.payerClaimId(),
                c.billed(),
                c.paid(),
                c.patientResponsibility())
            .query(Long.class)
            .single();
    for (int i = 0; i < c.adjustments().size(); i++) {
      Adjustment a = c.adjustments().get(i);
      jdbc.sql(
              "INSERT INTO remittance_adjustment (remittance_claim_id, position, group_code,"
                  + " reason_code, amount) VALUES (?, ?, ?, ?, ?)")
          .params(id, i + 1, a.groupCode(), a.reasonCode(), a.amount())
          .update();
    }
  }

  Optional<Remittance> find(long id) {
    return jdbc.sql("SELECT * FROM remittance WHERE id = ?").param(id).query(this::map).optional();
  }

  List<Remittance> search(RemittanceQuery q, String cursor, int limit) {
    Where where =
        new Where()
            .and("r.payer_id = ?", q.payerId())
            .and("r.check_number = ?", q.checkNumber())
            .and(
                "EXISTS (SELECT 1 FROM remittance_claim rc WHERE rc.remittance_id = r.id"
                    + " AND rc.claim_number = ?)",
                q.claimNumber())
            .and("r.payment_date >= ?", q.from())
            .and("r.payment_date < ?", q.to())
            .afterCursor("r.id", cursor);
    return jdbc.sql("SELECT r.* FROM remittance r" + where.sql() + " ORDER BY r.id LIMIT ?")
        .params(where.params(limit))
        .query(this::map)
        .list();
  }

  private List<ClaimPayment> claims(long remittanceId) {
    return jdbc.sql("SELECT * FROM remittance_claim WHERE remittance_id = ? ORDER BY position")
        .param(remittanceId)
        .query(
            (rs, n) ->
                new ClaimPayment(
                    rs.getString("claim_number"),
                    rs.getObject("claim_id", Long.class),
                    rs.getString("payer_claim_id"),
                    rs.getString("claim_status_code"),
                    rs.getBigDecimal("billed"),
                    rs.getBigDecimal("paid"),
                    rs.getBigDecimal("patient_responsibility"),
                    adjustments(rs.getLong("id"))))
        .list();
  }

  private List<Adjustment> adjustments(long remittanceClaimId) {
    return jdbc.sql(
            "SELECT group_code, reason_code, amount FROM remittance_adjustment"
                + " WHERE remittance_claim_id = ? ORDER BY position")
        .param(remittanceClaimId)
        .query(
            (rs, n) ->
                new Adjustment(
                    rs.getString("group_code"),
                    rs.getString("reason_code"),
                    rs.getBigDecimal("amount")))
        .list();
  }

  private Remittance map(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    return new Remittance(
        id,
        rs.getString("payer_name"),
        rs.getString("payer_id"),
        rs.getString("check_number"),
        rs.getString("payment_method"),
        rs.getObject("payment_date", LocalDate.class),
        rs.getBigDecimal("total_paid"),
        "USD",
        claims(id),
        instant(rs, "created_at"));
  }
}
