package com.practicestudio.billing;

import static com.practicestudio.billing.ChargesApiIT.charge;
import static com.practicestudio.billing.ChargesApiIT.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.scheduling.JsonApi;
import com.practicestudio.scheduling.RecordsFixture;
import com.practicestudio.testing.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ClaimsApiIT {

  static final String API = "/api/v1/claims";
  static final long NO_SUCH_ID = 987_654_321_000L;

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  JsonApi api;
  RecordsFixture fixture;
  long patient;
  long coverage;
  long visit;
  long supply;

  @BeforeEach
  void setUp() {
    api = JsonApi.admin(http, json);
    fixture = new RecordsFixture(jdbc);
    patient = fixture.patient();
    coverage = fixture.coverage(patient);
    visit = api.post(ChargesApiIT.API, charge(patient, "99213", 125.10)).id();
    Map<String, Object> supplies = charge(patient, "B4152", 10.05);
    supplies.put("quantity", 1.5);
    supply = api.post(ChargesApiIT.API, supplies).id();
  }

  Map<String, Object> claim(Long... chargeIds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("patientId", patient);
    body.put("coverageId", coverage);
    body.put("chargeIds", List.of(chargeIds));
    body.put("billingProviderId", fixture.provider());
    return body;
  }

  @Test
  void a_claim_is_made_from_charges_which_become_billed() {
    JsonApi.Response created = api.post(API, claim(visit, supply));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.field("claimNumber")).matches("PS\\d{8}");
    assertThat(created.field("status")).isEqualTo("draft");
    // 125.10 + 1.5 × 10.05 (15.075 → 15.08)
    assertThat(created.raw()).contains("\"totalAmount\":140.18", "\"paidAmount\":0.00");
    assertThat(created.body().get("lines")).hasSize(2);
    assertThat(created.body().get("lines").get(1).get("chargeId").asLong()).isEqualTo(supply);
    assertThat(created.body().get("lines").get(1).get("code").asString()).isEqualTo("B4152");
    assertThat(api.get(ChargesApiIT.API + "/" + visit).field("status")).isEqualTo("billed");
    assertThat(api.get(API + "/" + created.id()).raw()).isEqualTo(created.raw());
  }

  static Stream<Arguments> invalidClaims() {
    return Stream.of(
        bad("no patient", (t, b) -> b.remove("patientId"), "patientId"),
        bad("no coverage", (t, b) -> b.remove("coverageId"), "coverageId"),
        bad("unknown coverage", (t, b) -> b.put("coverageId", NO_SUCH_ID), "coverageId"),
        bad(
            "another patient's coverage",
            (t, b) -> b.put("coverageId", t.fixture.coverage(t.fixture.patient())),
            "coverageId"),
        bad("no charges", (t, b) -> b.put("chargeIds", List.of()), "chargeIds"),
        bad(
            "unknown charge",
            (t, b) -> b.put("chargeIds", List.of(t.visit, NO_SUCH_ID)),
            "chargeIds[1]"),
        bad(
            "a charge twice",
            (t, b) -> b.put("chargeIds", List.of(t.visit, t.visit)),
            "chargeIds[1]"),
        bad(
            "another patient's charge",
            (t, b) -> b.put("chargeIds", List.of(t.visit, t.chargeOf(t.fixture.patient()))),
            "chargeIds[1]"),
        bad(
            "unknown billing provider",
            (t, b) -> b.put("billingProviderId", NO_SUCH_ID),
            "billingProviderId"),
        bad("odd claim number", (t, b) -> b.put("claimNumber", "A/B"), "claimNumber"));
  }

  interface Change {
    void apply(ClaimsApiIT test, Map<String, Object> body);
  }

  static Arguments bad(String name, Change change, String field) {
    return Arguments.of(name, change, field);
  }

  long chargeOf(long patientId) {
    return api.post(ChargesApiIT.API, charge(patientId, "99213", 50)).id();
  }

  @ParameterizedTest(name = "{0} → 400 naming {2}")
  @MethodSource("invalidClaims")
  void an_invalid_claim_is_refused_naming_the_field(String name, Change change, String field) {
    Map<String, Object> body = claim(visit, supply);
    change.apply(this, body);
    JsonApi.Response response = api.post(API, body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly(field);
    assertThat(api.get(ChargesApiIT.API + "/" + visit).field("status")).isEqualTo("open");
  }

  @Test
  void a_charge_is_on_one_live_claim_at_a_time_but_rejected_claims_release_it() {
    long first = api.post(API, claim(visit)).id();
    JsonApi.Response again = api.post(API, claim(visit, supply));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.badFields()).containsExactly("chargeIds[0]");
    assertThat(api.get(ChargesApiIT.API + "/" + supply).field("status")).isEqualTo("open");

    for (String status : List.of("ready", "submitted", "rejected")) {
      assertThat(api.patch(API + "/" + first, Map.of("status", status)).status()).isEqualTo(200);
    }
    assertThat(api.post(API, claim(visit)).status()).isEqualTo(201);
  }

  @Test
  void status_moves_along_the_claim_life_and_a_paid_claim_cannot_go_back() {
    long id = api.post(API, claim(visit)).id();
    assertThat(api.patch(API + "/" + id, Map.of("status", "submitted")).status()).isEqualTo(409);

    api.patch(API + "/" + id, Map.of("status", "ready"));
    JsonApi.Response submitted = api.patch(API + "/" + id, Map.of("status", "submitted"));
    assertThat(submitted.field("submittedAt")).isNotNull();
    JsonApi.Response accepted =
        api.patch(API + "/" + id, Map.of("status", "accepted", "payerClaimId", "PCN-7"));
    assertThat(accepted.field("payerClaimId")).isEqualTo("PCN-7");
    assertThat(accepted.field("submittedAt")).isEqualTo(submitted.field("submittedAt"));
    assertThat(api.patch(API + "/" + id, Map.of("status", "paid")).field("status"))
        .isEqualTo("paid");

    JsonApi.Response back = api.patch(API + "/" + id, Map.of("status", "draft"));
    assertThat(back.status()).isEqualTo(409);
    assertThat(back.body().get("detail").asString()).startsWith("BILL-001");
    assertThat(api.get(API + "/" + id).field("status")).isEqualTo("paid");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"status, closed, 400", "coverageId, " + NO_SUCH_ID + ", 400", "version, 7, 409"})
  void bad_changes_are_refused(String field, String value, int status) {
    long id = api.post(API, claim(visit)).id();
    JsonApi.Response response = api.patch(API + "/" + id, "{\"" + field + "\":\"" + value + "\"}");
    assertThat(response.status()).isEqualTo(status);
    if (status == 400) {
      assertThat(response.badFields()).containsExactly(field);
    }
  }

  @Test
  void coverage_and_provider_are_fixed_once_submitted() {
    long id = api.post(API, claim(visit)).id();
    long secondary = fixture.coverage(patient);
    assertThat(api.patch(API + "/" + id, Map.of("coverageId", secondary)).status()).isEqualTo(200);
    api.patch(API + "/" + id, Map.of("status", "ready"));
    api.patch(API + "/" + id, Map.of("status", "submitted"));
    JsonApi.Response locked = api.patch(API + "/" + id, Map.of("coverageId", coverage));
    assertThat(locked.status()).isEqualTo(409);
    assertThat(locked.body().get("detail").asString()).startsWith("BILL-003");
  }

  @Test
  void search_filters_and_pages_and_unknown_ids_answer_404() {
    long a = api.post(API, claim(visit)).id();
    Map<String, Object> numbered = claim(supply);
    numbered.put("claimNumber", "T-" + RecordsFixture.unique());
    long b = api.post(API, numbered).id();
    api.patch(API + "/" + b, Map.of("status", "ready"));

    String byPatient = API + "?patientId=" + patient;
    JsonApi.Response first = api.get(byPatient + "&limit=1");
    assertThat(ids(first)).containsExactly(a);
    assertThat(ids(api.get(byPatient + "&cursor=" + first.field("next")))).containsExactly(b);
    assertThat(ids(api.get(byPatient + "&status=ready"))).containsExactly(b);
    assertThat(ids(api.get(API + "?claimNumber=" + numbered.get("claimNumber"))))
        .containsExactly(b);
    assertThat(api.get(API + "?status=closed").badFields()).containsExactly("status");
    assertThat(api.get(API + "/" + NO_SUCH_ID).status()).isEqualTo(404);
    assertThat(api.patch(API + "/" + NO_SUCH_ID, Map.of("status", "ready")).status())
        .isEqualTo(404);
  }

  @Test
  void a_duplicate_claim_number_is_a_conflict() {
    Map<String, Object> body = claim(visit);
    body.put("claimNumber", "T-" + RecordsFixture.unique());
    assertThat(api.post(API, body).status()).isEqualTo(201);
    body.put("chargeIds", List.of(supply));
    assertThat(api.post(API, body).status()).isEqualTo(409);
    assertThat(api.get(ChargesApiIT.API + "/" + supply).field("status")).isEqualTo("open");
  }
}
