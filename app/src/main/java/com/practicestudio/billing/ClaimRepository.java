package com.practicestudio.billing;

import static com.practicestudio.billing.ChargeRepository.instant;
import static com.practicestudio.billing.ChargeRepository.strings;

import com.practicestudio.billing.Claim.ClaimLine;
import com.practicestudio.web.Where;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims with their lines; {@code paidAmount} is summed from payments. */
@Repository
class ClaimRepository {

  private static final String SELECT =
      "SELECT c.*, (SELECT coalesce(sum(p.amount), 0) FROM payment p WHERE p.claim_id = c.id)"
          + " AS paid_amount FROM claim c";

  private final JdbcClient jdbc;

  ClaimRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String nextClaimNumber() {
    long n = jdbc.sql("SELECT nextval('claim_number_seq')").query(Long.class).single();
    return String.format("PS%08d", n);
  }

  long insert(ClaimDraft d, String claimNumber, BigDecimal total, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO claim (claim_number, patient_id, coverage_id, status, total_amount,
                billing_provider_id, created_at, updated_at)
            VALUES (?, ?, ?, 'draft', ?, ?, ?, ?)
            RETURNING id
            """)
        .params(
            claimNumber,
            d.patientId(),
            d.coverageId(),
            total,
            d.billingProviderId(),
            Timestamp.from(now),
            Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  void insertLine(long claimId, int lineNumber, long chargeId, BigDecimal amount) {
    jdbc.sql(
            "INSERT INTO claim_line (claim_id, line_number, charge_id, amount) VALUES (?, ?, ?, ?)")
        .params(claimId, lineNumber, chargeId, amount)
        .update();
  }

  boolean update(long id, Claim changed, int version, Instant now) {
    return jdbc.sql(
                """
                UPDATE claim
                   SET status = ?, payer_claim_id = ?, coverage_id = ?, billing_provider_id = ?,
                       submitted_at = ?, updated_at = ?, version = version + 1
                 WHERE id = ? AND version = ?
                """)
            .params(
                changed.status().code(),
                changed.payerClaimId(),
                changed.coverageId(),
                changed.billingProviderId(),
                changed.submittedAt() == null ? null : Timestamp.from(changed.submittedAt()),
                Timestamp.from(now),
                id,
                version)
            .update()
        == 1;
  }

  Optional<Claim> find(long id) {
    return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(this::map).optional();
  }

  Optional<Claim> findForUpdate(long id) {
    return jdbc.sql(SELECT + " WHERE c.id = ? FOR UPDATE OF c")
        .param(id)
        .query(this::map)
        .optional();
  }

  Optional<Claim> findByNumberForUpdate(String claimNumber) {
    return jdbc.sql(SELECT + " WHERE c.claim_number = ? FOR UPDATE OF c")
        .param(claimNumber)
        .query(this::map)
        .optional();
  }

  List<Claim> search(ClaimQuery q, String cursor, int limit) {
    Where where =
        new Where()
            .and("c.patient_id = ?", q.patientId())
            .and("c.status = ?", q.status())
            .and("c.claim_number = ?", q.claimNumber())
            .and("c.coverage_id = ?", q.coverageId())
            .and("c.payer_claim_id = ?", q.payerClaimId())
            .afterCursor("c.id", cursor);
    return jdbc.sql(SELECT + where.sql() + " ORDER BY c.id LIMIT ?")
        .params(where.params(limit))
        .query(this::map)
        .list();
  }

  int movePatient(long fromPatientId, long toPatientId, Instant now) {
    return jdbc.sql(
            "UPDATE claim SET patient_id = ?, updated_at = ?, version = version + 1"
                + " WHERE patient_id = ?")
        .params(toPatientId, Timestamp.from(now), fromPatientId)
        .update();
  }

  private List<ClaimLine> lines(long claimId) {
    return jdbc.sql(
            """
            SELECT l.line_number, l.charge_id, l.amount, ch.code, ch.modifiers, ch.service_date,
                   ch.quantity
              FROM claim_line l JOIN charge ch ON ch.id = l.charge_id
             WHERE l.claim_id = ? ORDER BY l.line_number
            """)
        .param(claimId)
        .query(
            (rs, n) ->
                new ClaimLine(
                    rs.getInt("line_number"),
                    rs.getLong("charge_id"),
                    rs.getString("code"),
                    strings(rs.getArray("modifiers")),
                    rs.getObject("service_date", LocalDate.class),
                    rs.getBigDecimal("quantity"),
                    rs.getBigDecimal("amount")))
        .list();
  }

  private Claim map(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    return new Claim(
        id,
        rs.getString("claim_number"),
        rs.getLong("patient_id"),
        rs.getLong("coverage_id"),
        ClaimStatus.fromCode(rs.getString("status")).orElseThrow(),
        rs.getBigDecimal("total_amount"),
        rs.getBigDecimal("paid_amount").setScale(2),
        "USD",
        rs.getObject("billing_provider_id", Long.class),
        instant(rs, "submitted_at"),
        rs.getString("payer_claim_id"),
        lines(id),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getInt("version"));
  }
}
