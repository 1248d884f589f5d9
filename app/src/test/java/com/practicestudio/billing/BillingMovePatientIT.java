package com.practicestudio.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.scheduling.RecordsFixture;
import com.practicestudio.testing.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class BillingMovePatientIT {

  @Autowired JdbcClient jdbc;
  @Autowired ChargeService charges;
  @Autowired ClaimService claims;
  @Autowired PaymentService payments;
  @Autowired BillingMerge merge;

  @Test
  void move_patient_hands_charges_claims_and_payments_to_the_survivor() {
    RecordsFixture fixture = new RecordsFixture(jdbc);
    long merged = fixture.patient();
    long survivor = fixture.patient();
    long bystander = fixture.patient();
    Charge charge = charges.create(charge(merged));
    Charge other = charges.create(charge(bystander));
    Claim claim =
        claims.create(
            new ClaimDraft(merged, fixture.coverage(merged), List.of(charge.id()), null, null));
    Payment payment =
        payments.create(
            new PaymentDraft(
                merged,
                claim.id(),
                null,
                new BigDecimal("5.00"),
                "cash",
                LocalDate.parse("2026-11-19"),
                null,
                null));

    assertThat(merge.movePatient(merged, survivor)).isEqualTo(new BillingMerge.Moved(1, 1, 1));

    assertThat(charges.byId(charge.id()).patientId()).isEqualTo(survivor);
    assertThat(claims.byId(claim.id()).patientId()).isEqualTo(survivor);
    assertThat(payments.byId(payment.id()).patientId()).isEqualTo(survivor);
    assertThat(charges.byId(other.id()).patientId()).isEqualTo(bystander);
    assertThat(merge.movePatient(merged, survivor)).isEqualTo(new BillingMerge.Moved(0, 0, 0));
  }

  private static ChargeDraft charge(long patientId) {
    return new ChargeDraft(
        null,
        patientId,
        null,
        "99213",
        null,
        null,
        null,
        null,
        new BigDecimal("100.00"),
        null,
        LocalDate.parse("2026-11-19"),
        null,
        null,
        null,
        null);
  }
}
