package com.practicestudio.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.scheduling.JsonApi;
import com.practicestudio.scheduling.RecordsFixture;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ChargesApiIT {

  static final String API = "/api/v1/charges";
  static final long NO_SUCH_ID = 987_654_321_000L;

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired UserService users;

  JsonApi api;
  RecordsFixture fixture;
  long patient;

  @BeforeEach
  void setUp() {
    api = JsonApi.admin(http, json);
    fixture = new RecordsFixture(jdbc);
    patient = fixture.patient();
  }

  static Map<String, Object> charge(long patientId, String code, Object unitAmount) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("patientId", patientId);
    body.put("code", code);
    body.put("modifiers", List.of("25"));
    body.put("description", "Office visit");
    body.put("quantity", 1);
    body.put("unitAmount", unitAmount);
    body.put("serviceDate", "2026-11-19");
    body.put("diagnosisCodes", List.of("E11.9", "I10"));
    return body;
  }

  @Test
  void creates_a_charge_with_money_as_two_decimal_numbers() {
    Map<String, Object> body = charge(patient, "99213", 125);
    body.put("providerId", fixture.provider());
    body.put("externalId", "FT1-" + RecordsFixture.unique());
    JsonApi.Response created = api.post(API, body);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw()).contains("\"unitAmount\":125.00", "\"amount\":125.00");
    assertThat(created.raw()).contains("\"quantity\":1.00", "\"currency\":\"USD\"");
    assertThat(created.field("codeSystem")).isEqualTo("CPT");
    assertThat(created.field("status")).isEqualTo("open");
    assertThat(created.body().get("diagnosisCodes").toString()).isEqualTo("[\"E11.9\",\"I10\"]");
    assertThat(api.get(API + "/" + created.id()).raw()).isEqualTo(created.raw());
  }

  @ParameterizedTest(name = "{0} × {1} → amount {2}, unit {3}")
  @CsvSource(
      value = {
        "1.5, 10.05, , 15.08, 10.05",
        "3, 33.33, , 99.99, 33.33",
        "3, , 100, 100.00, 33.33",
        "2, 7.5, 15, 15.00, 7.50"
      },
      nullValues = "")
  void amounts_are_derived_and_rounded_half_up(
      String quantity, String unit, String amount, String expectedAmount, String expectedUnit) {
    Map<String, Object> body = charge(patient, "B4152", unit == null ? null : json.readTree(unit));
    body.put("quantity", json.readTree(quantity));
    if (amount != null) {
      body.put("amount", json.readTree(amount));
    }
    JsonApi.Response created = api.post(API, body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw())
        .contains("\"amount\":" + expectedAmount + ",", "\"unitAmount\":" + expectedUnit + ",");
    assertThat(created.field("codeSystem")).isEqualTo("HCPCS");
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        bad("no patient", b -> b.remove("patientId"), "patientId"),
        bad("unknown patient", b -> b.put("patientId", NO_SUCH_ID), "patientId"),
        bad("unknown encounter", b -> b.put("encounterId", NO_SUCH_ID), "encounterId"),
        bad("unknown provider", b -> b.put("providerId", NO_SUCH_ID), "providerId"),
        bad("no code", b -> b.remove("code"), "code"),
        bad("not a CPT code", b -> b.put("code", "9921X"), "code"),
        bad("code of the other system", b -> b.put("codeSystem", "HCPCS"), "code"),
        bad("unknown system", b -> b.put("codeSystem", "ICD"), "codeSystem"),
        bad("bad modifier", b -> b.put("modifiers", List.of("25", "5")), "modifiers[1]"),
        bad(
            "five modifiers",
            b -> b.put("modifiers", List.of("25", "59", "LT", "RT", "GT")),
            "modifiers"),
        bad("bad diagnosis", b -> b.put("diagnosisCodes", List.of("250.00")), "diagnosisCodes[0]"),
        bad("zero quantity", b -> b.put("quantity", 0), "quantity"),
        bad("three-decimal quantity", b -> b.put("quantity", 1.125), "quantity"),
        bad("three-decimal money", b -> b.put("unitAmount", 10.005), "unitAmount"),
        bad("negative money", b -> b.put("unitAmount", -5), "unitAmount"),
        bad("money too large", b -> b.put("unitAmount", 1e11), "unitAmount"),
        bad("money as text", b -> b.put("unitAmount", "ten"), "unitAmount"),
        bad("no money at all", b -> b.remove("unitAmount"), "unitAmount"),
        bad("amounts disagree", b -> b.put("amount", 126), "amount"),
        bad("no service date", b -> b.remove("serviceDate"), "serviceDate"),
        bad("service date not a date", b -> b.put("serviceDate", "11/19/2026"), "serviceDate"),
        bad("billed is set by claims", b -> b.put("status", "billed"), "status"));
  }

  static Arguments bad(String name, Consumer<Map<String, Object>> change, String field) {
    return Arguments.of(name, change, field);
  }

  @ParameterizedTest(name = "{0} → 400 naming {2}")
  @MethodSource("invalidBodies")
  void an_invalid_charge_is_refused_naming_the_field(
      String name, Consumer<Map<String, Object>> change, String field) {
    Map<String, Object> body = charge(patient, "99213", 125);
    change.accept(body);
    JsonApi.Response response = api.post(API, body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly(field);
    assertThat(
            jdbc.sql("SELECT count(*) FROM charge WHERE patient_id = ?")
                .param(patient)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void put_changes_an_open_charge_and_a_void_one_no_longer_changes() {
    Map<String, Object> body = charge(patient, "99213", 125);
    long id = api.post(API, body).id();
    body.put("unitAmount", 130);
    body.put("version", 1);
    JsonApi.Response changed = api.put(API + "/" + id, body);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.raw()).contains("\"amount\":130.00");
    assertThat(api.put(API + "/" + id, body).status()).isEqualTo(409);

    body.remove("version");
    body.put("status", "void");
    assertThat(api.put(API + "/" + id, body).field("status")).isEqualTo("void");
    body.put("status", "open");
    JsonApi.Response reopened = api.put(API + "/" + id, body);
    assertThat(reopened.status()).isEqualTo(409);
    assertThat(reopened.body().get("detail").asString()).startsWith("BILL-002");
  }

  @Test
  void search_filters_and_pages_and_unknown_ids_answer_404() {
    long a = api.post(API, charge(patient, "99213", 125)).id();
    Map<String, Object> later = charge(patient, "B4152", 10);
    later.put("serviceDate", "2026-11-21");
    long b = api.post(API, later).id();
    long c = api.post(API, charge(patient, "99213", 125)).id();

    String byPatient = API + "?patientId=" + patient;
    JsonApi.Response first = api.get(byPatient + "&limit=2");
    assertThat(ids(first)).containsExactly(a, b);
    assertThat(ids(api.get(byPatient + "&cursor=" + first.field("next")))).containsExactly(c);
    assertThat(ids(api.get(byPatient + "&code=99213"))).containsExactly(a, c);
    assertThat(ids(api.get(byPatient + "&from=2026-11-20"))).containsExactly(b);
    assertThat(ids(api.get(byPatient + "&to=2026-11-20"))).containsExactly(a, c);
    assertThat(api.get(byPatient + "&from=20.11.2026").badFields()).containsExactly("from");
    assertThat(api.get(byPatient + "&status=paid").badFields()).containsExactly("status");
    assertThat(api.get(API + "/" + NO_SUCH_ID).status()).isEqualTo(404);
    assertThat(api.put(API + "/" + NO_SUCH_ID, charge(patient, "99213", 1)).status())
        .isEqualTo(404);
  }

  @Test
  void a_viewer_reads_but_does_not_write() {
    JsonApi viewer = api.as(TestUsers.create(users, Role.VIEWER));
    assertThat(viewer.get(API + "?patientId=" + patient).status()).isEqualTo(200);
    assertThat(viewer.post(API, charge(patient, "99213", 125)).status()).isEqualTo(403);
  }

  static List<Long> ids(JsonApi.Response page) {
    assertThat(page.status()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    for (JsonNode item : page.body().get("items")) {
      ids.add(item.get("id").asLong());
    }
    return ids;
  }
}
