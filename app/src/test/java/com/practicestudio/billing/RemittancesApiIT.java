package com.practicestudio.billing;

import static com.practicestudio.billing.ChargesApiIT.charge;
import static com.practicestudio.billing.ChargesApiIT.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.scheduling.JsonApi;
import com.practicestudio.scheduling.RecordsFixture;
import com.practicestudio.testing.IntegrationTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class RemittancesApiIT {

  static final String API = "/api/v1/remittances";
  static final String UHC_835 = "x12/835/k835_united_healthcare_legacy.txt";

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  JsonApi api;
  RecordsFixture fixture;
  long patient;
  long coverage;

  @BeforeEach
  void setUp() {
    api = JsonApi.admin(http, json);
    fixture = new RecordsFixture(jdbc);
    patient = fixture.patient();
    coverage = fixture.coverage(patient);
  }

  /** A submitted claim with one charge of {@code amount}. */
  long submittedClaim(String claimNumber, double amount) {
    long charge = api.post(ChargesApiIT.API, charge(patient, "B4152", amount)).id();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("patientId", patient);
    body.put("coverageId", coverage);
    body.put("chargeIds", List.of(charge));
    body.put("claimNumber", claimNumber);
    long id = api.post(ClaimsApiIT.API, body).id();
    api.patch(ClaimsApiIT.API + "/" + id, Map.of("status", "ready"));
    api.patch(ClaimsApiIT.API + "/" + id, Map.of("status", "submitted"));
    return id;
  }

  @Test
  void a_real_835_is_recorded_and_posted_to_its_claims_once() {
    // the claim numbers (CLP01) and billed amounts of the UnitedHealthcare sample
    long first = submittedClaim("001-18573-358", 341.28);
    long second = submittedClaim("001-18604-358", 816.24);
    Map<String, Object> remittance = Sample835.remittance(UHC_835);

    JsonApi.Response created = api.post(API, remittance);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.field("payerId")).isEqualTo("87726");
    assertThat(created.field("checkNumber")).isEqualTo("1234567890");
    assertThat(created.field("paymentMethod")).isEqualTo("eft");
    assertThat(created.field("paymentDate")).isEqualTo("2021-02-04");
    assertThat(created.raw()).contains("\"totalPaid\":349.99");
    JsonNode claims = created.body().get("claims");
    assertThat(claims).hasSize(2);
    assertThat(claims.get(0).get("claimId").asLong()).isEqualTo(first);
    assertThat(claims.get(0).get("adjustments")).hasSize(3);
    assertThat(claims.get(1).get("adjustments").get(1).toString())
        .isEqualTo("{\"groupCode\":\"PR\",\"reasonCode\":\"2\",\"amount\":5.13}");
    // each claim balances: billed - adjustments = paid
    for (JsonNode claim : claims) {
      BigDecimal adjusted = BigDecimal.ZERO;
      for (JsonNode a : claim.get("adjustments")) {
        adjusted = adjusted.add(a.get("amount").decimalValue());
      }
      assertThat(claim.get("billed").decimalValue().subtract(adjusted))
          .isEqualByComparingTo(claim.get("paid").decimalValue());
    }

    JsonApi.Response paid = api.get(ClaimsApiIT.API + "/" + first);
    assertThat(paid.field("status")).isEqualTo("paid");
    assertThat(paid.field("payerClaimId")).isEqualTo("ATL2819897200");
    assertThat(paid.raw()).contains("\"paidAmount\":88.92");
    JsonApi.Response payments = api.get(PaymentsApiIT.API + "?claimId=" + second);
    assertThat(payments.body().get("items")).hasSize(1);
    JsonNode payment = payments.body().get("items").get(0);
    assertThat(payment.toString())
        .contains("\"amount\":261.07", "\"method\":\"eft\"", "\"reference\":\"1234567890\"");
    assertThat(payment.get("remittanceId").asLong()).isEqualTo(created.id());
    assertThat(payment.get("patientId").asLong()).isEqualTo(patient);

    JsonApi.Response again = api.post(API, remittance);
    assertThat(again.status()).isEqualTo(409);
    assertThat(api.get(PaymentsApiIT.API + "?claimId=" + second).body().get("items")).hasSize(1);
  }

  @Test
  void denials_reversals_and_unknown_claims() {
    String prefix = "R-" + RecordsFixture.unique();
    long denied = submittedClaim(prefix + "-1", 100);
    long draft = api.post(ClaimsApiIT.API, claimBody()).id();
    String draftNumber = api.get(ClaimsApiIT.API + "/" + draft).field("claimNumber");
    Map<String, Object> body =
        remittance(
            prefix,
            List.of(
                claimPayment(prefix + "-1", "4", 100, 0, List.of(adjustment("CO", "50", 100))),
                claimPayment(draftNumber, "1", 50, 40, List.of()),
                claimPayment(prefix + "-unknown", "1", 10, 10, List.of())));

    JsonApi.Response created = api.post(API, body);

    assertThat(created.status()).isEqualTo(201);
    assertThat(api.get(ClaimsApiIT.API + "/" + denied).field("status")).isEqualTo("denied");
    assertThat(api.get(PaymentsApiIT.API + "?claimId=" + denied).body().get("items")).isEmpty();
    // a draft claim cannot become paid: the money is posted, the status stays
    assertThat(api.get(ClaimsApiIT.API + "/" + draft).field("status")).isEqualTo("draft");
    assertThat(api.get(PaymentsApiIT.API + "?claimId=" + draft).body().get("items")).hasSize(1);
    assertThat(created.body().get("claims").get(2).get("claimId").isNull()).isTrue();
    assertThat(ids(api.get(API + "?claimNumber=" + prefix + "-unknown")))
        .containsExactly(created.id());
    assertThat(ids(api.get(API + "?payerId=" + prefix))).containsExactly(created.id());
  }

  Map<String, Object> claimBody() {
    long charge = api.post(ChargesApiIT.API, charge(patient, "99213", 50)).id();
    return Map.of("patientId", patient, "coverageId", coverage, "chargeIds", List.of(charge));
  }

  static Map<String, Object> remittance(String payerId, List<Map<String, Object>> claims) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("payerName", "Test Payer");
    body.put("payerId", payerId);
    body.put("checkNumber", "CHK-" + RecordsFixture.unique());
    body.put("paymentMethod", "check");
    body.put("paymentDate", "2026-11-20");
    body.put("totalPaid", 50);
    body.put("claims", claims);
    return body;
  }

  static Map<String, Object> claimPayment(
      String number, String status, double billed, double paid, List<Map<String, Object>> adj) {
    Map<String, Object> claim = new LinkedHashMap<>();
    claim.put("claimNumber", number);
    claim.put("claimStatusCode", status);
    claim.put("billed", billed);
    claim.put("paid", paid);
    claim.put("adjustments", adj);
    return claim;
  }

  static Map<String, Object> adjustment(String group, String reason, double amount) {
    return new LinkedHashMap<>(Map.of("groupCode", group, "reasonCode", reason, "amount", amount));
  }

  static Stream<Arguments> invalidRemittances() {
    return Stream.of(
        bad("no payer id", b -> b.remove("payerId"), "payerId"),
        bad("no check number", b -> b.remove("checkNumber"), "checkNumber"),
        bad("unknown method", b -> b.put("paymentMethod", "cash"), "paymentMethod"),
        bad("no payment date", b -> b.remove("paymentDate"), "paymentDate"),
        bad("three-decimal total", b -> b.put("totalPaid", 1.005), "totalPaid"),
        bad("claim without number", b -> claim0(b).remove("claimNumber"), "claims[0].claimNumber"),
        bad("claim without paid", b -> claim0(b).remove("paid"), "claims[0].paid"),
        bad(
            "odd status code",
            b -> claim0(b).put("claimStatusCode", "X"),
            "claims[0].claimStatusCode"),
        bad(
            "unknown group code",
            b -> adjustment0(b).put("groupCode", "XX"),
            "claims[0].adjustments[0].groupCode"),
        bad(
            "three-decimal adjustment",
            b -> adjustment0(b).put("amount", 0.001),
            "claims[0].adjustments[0].amount"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> claim0(Map<String, Object> body) {
    return ((List<Map<String, Object>>) body.get("claims")).get(0);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> adjustment0(Map<String, Object> body) {
    return ((List<Map<String, Object>>) claim0(body).get("adjustments")).get(0);
  }

  static Arguments bad(String name, Consumer<Map<String, Object>> change, String field) {
    return Arguments.of(name, change, field);
  }

  @ParameterizedTest(name = "{0} → 400 naming {2}")
  @MethodSource("invalidRemittances")
  void an_invalid_remittance_is_refused_naming_the_field(
      String name, Consumer<Map<String, Object>> change, String field) {
    String payer = "P-" + RecordsFixture.unique();
    Map<String, Object> body =
        remittance(
            payer, List.of(claimPayment("X-1", "1", 10, 5, List.of(adjustment("CO", "45", 5)))));
    change.accept(body);
    JsonApi.Response response = api.post(API, body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly(field);
    assertThat(api.get(API + "?payerId=" + payer).body().get("items")).isEmpty();
  }

  @Test
  void unknown_ids_answer_404_and_remittances_are_not_changed() {
    assertThat(api.get(API + "/987654321000").status()).isEqualTo(404);
    assertThat(api.put(API + "/1", Map.of()).status()).isEqualTo(405);
  }
}
