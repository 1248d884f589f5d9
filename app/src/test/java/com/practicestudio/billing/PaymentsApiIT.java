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
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class PaymentsApiIT {

  static final String API = "/api/v1/payments";
  static final long NO_SUCH_ID = 987_654_321_000L;

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  JsonApi api;
  RecordsFixture fixture;
  long patient;
  long claim;

  @BeforeEach
  void setUp() {
    api = JsonApi.admin(http, json);
    fixture = new RecordsFixture(jdbc);
    patient = fixture.patient();
    long charge = api.post(ChargesApiIT.API, charge(patient, "99213", 80)).id();
    claim =
        api.post(
                ClaimsApiIT.API,
                Map.of(
                    "patientId", patient,
                    "coverageId", fixture.coverage(patient),
                    "chargeIds", List.of(charge)))
            .id();
  }

  Map<String, Object> payment(Object amount) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("patientId", patient);
    body.put("claimId", claim);
    body.put("amount", amount);
    body.put("method", "card");
    body.put("receivedDate", "2026-11-19");
    body.put("reference", "RCPT-1");
    return body;
  }

  @Test
  void records_a_payment_that_counts_towards_its_claim() {
    JsonApi.Response created = api.post(API, payment(20.5));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw()).contains("\"amount\":20.50", "\"currency\":\"USD\"");
    assertThat(created.field("receivedDate")).isEqualTo("2026-11-19");
    assertThat(api.get(API + "/" + created.id()).raw()).isEqualTo(created.raw());
    assertThat(api.get(ClaimsApiIT.API + "/" + claim).raw()).contains("\"paidAmount\":20.50");

    Map<String, Object> refund = payment(-5);
    refund.put("method", "cash");
    assertThat(api.post(API, refund).status()).isEqualTo(201);
    assertThat(api.get(ClaimsApiIT.API + "/" + claim).raw()).contains("\"paidAmount\":15.50");
  }

  static Stream<Arguments> invalidPayments() {
    return Stream.of(
        bad("no patient", b -> b.remove("patientId"), "patientId"),
        bad("unknown claim", b -> b.put("claimId", NO_SUCH_ID), "claimId"),
        bad("unknown remittance", b -> b.put("remittanceId", NO_SUCH_ID), "remittanceId"),
        bad("no amount", b -> b.remove("amount"), "amount"),
        bad("zero amount", b -> b.put("amount", 0), "amount"),
        bad("three decimals", b -> b.put("amount", 10.999), "amount"),
        bad("unknown method", b -> b.put("method", "bitcoin"), "method"),
        bad("no date", b -> b.remove("receivedDate"), "receivedDate"));
  }

  static Arguments bad(String name, Consumer<Map<String, Object>> change, String field) {
    return Arguments.of(name, change, field);
  }

  @ParameterizedTest(name = "{0} → 400 naming {2}")
  @MethodSource("invalidPayments")
  void an_invalid_payment_is_refused_naming_the_field(
      String name, Consumer<Map<String, Object>> change, String field) {
    Map<String, Object> body = payment(10);
    change.accept(body);
    JsonApi.Response response = api.post(API, body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly(field);
    assertThat(api.get(API + "?claimId=" + claim).body().get("items")).isEmpty();
  }

  @Test
  void the_claim_must_be_the_same_patients() {
    Map<String, Object> body = payment(10);
    body.put("patientId", fixture.patient());
    assertThat(api.post(API, body).badFields()).containsExactly("claimId");
  }

  @Test
  void put_corrects_and_search_filters_and_pages() {
    long a = api.post(API, payment(10)).id();
    Map<String, Object> later = payment(12);
    later.put("receivedDate", "2026-11-25");
    long b = api.post(API, later).id();
    later.put("amount", 13);
    later.put("version", 1);
    assertThat(api.put(API + "/" + b, later).raw()).contains("\"amount\":13.00");
    assertThat(api.put(API + "/" + b, later).status()).isEqualTo(409);

    String byPatient = API + "?patientId=" + patient;
    JsonApi.Response first = api.get(byPatient + "&limit=1");
    assertThat(ids(first)).containsExactly(a);
    assertThat(ids(api.get(byPatient + "&cursor=" + first.field("next")))).containsExactly(b);
    assertThat(ids(api.get(byPatient + "&from=2026-11-20"))).containsExactly(b);
    assertThat(api.get(API + "/" + NO_SUCH_ID).status()).isEqualTo(404);
    assertThat(api.put(API + "/" + NO_SUCH_ID, payment(1)).status()).isEqualTo(404);
  }
}
