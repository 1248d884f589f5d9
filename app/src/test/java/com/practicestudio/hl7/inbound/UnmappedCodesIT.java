package com.practicestudio.hl7.inbound;

import static com.practicestudio.hl7.inbound.AdtSamples.a04;
import static com.practicestudio.hl7.inbound.AdtSamples.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.codemaps.CodeMapInput;
import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.codemaps.CodeMapMisses;
import com.practicestudio.codemaps.CodeMaps;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.Reprocessing;
import com.practicestudio.patients.PatientService;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.ConsoleSession;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.TestUsers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A code no map translates is not lost: an ADT with an unmapped race code (as Cerner's sandbox
 * sends {@code CD:3113830}) is applied without it, and the code is listed under Code maps, in the
 * API and the console, with its count and the latest message, until a mapping for it exists.
 */
@IntegrationTest
class UnmappedCodesIT {

  @LocalServerPort int port;
  @Autowired ExchangeJournal journal;
  @Autowired PatientService patients;
  @Autowired CodeMaps codeMaps;
  @Autowired CodeMapMisses misses;
  @Autowired UserService users;
  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired Reprocessing reprocessing;

  private static String engineerName;
  private static String viewerName;
  private InboundJournal hl7;
  private String mrn;

  @BeforeEach
  void setUp() {
    if (engineerName == null) {
      engineerName = TestUsers.create(users, Role.ENGINEER);
      viewerName = TestUsers.create(users, Role.VIEWER);
    }
    hl7 = new InboundJournal(journal);
    mrn = "M" + unique();
  }

  /** The A04 sample with {@code race} in PID-10 and no PID-22. */
  private static String a04WithRace(String mrn, String race) {
    String message = a04(mrn, "F" + unique());
    assertThat(message).contains("|F|||12 Elm St");
    return message.replace("|F|||12 Elm St", "|F||" + race + "|12 Elm St");
  }

  private static String rawCode() {
    return "CD:" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  private JsonNode listedMiss(JsonApi api, String code) {
    return listedMiss(api, "race", code);
  }

  private JsonNode listedMiss(JsonApi api, String kind, String code) {
    JsonApi.Answer answer = api.get("/api/v1/code-maps/misses?kind=" + kind + "&limit=500");
    assertThat(answer.code()).as(answer.text()).isEqualTo(200);
    return StreamSupport.stream(answer.body().get("items").spliterator(), false)
        .filter(m -> m.get("code").asString().equals(code))
        .findFirst()
        .orElse(null);
  }

  @Test
  void an_unmapped_race_code_is_listed_with_its_count_and_latest_message_until_it_is_mapped() {
    String race = rawCode();
    Exchange first = hl7.apply(a04WithRace(mrn, race));
    Exchange second = hl7.apply(a04WithRace(mrn, race).replace("ADT^A04", "ADT^A08"));
    assertThat(first.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(second.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(patients.findByMrn(mrn, "HOSP").orElseThrow().race()).isNull();

    misses.flush();

    JsonApi viewer = new JsonApi(http, json, viewerName, TestUsers.PASSWORD);
    JsonNode miss = listedMiss(viewer, race);
    assertThat(miss).as("listed to anyone who reads code maps").isNotNull();
    assertThat(miss.get("kind").asString()).isEqualTo("race");
    assertThat(miss.get("codeSystem").asString()).isEqualTo("HL70005");
    assertThat(second.endpoint()).as("recorded without a listener: the default maps").isNull();
    assertThat(miss.path("scope").isNull() || miss.path("scope").isMissingNode()).isTrue();
    assertThat(miss.get("times").asLong()).isEqualTo(2);
    assertThat(miss.get("lastExchangeId").asLong()).isEqualTo(second.id());
    assertThat(miss.get("firstSeen").isNull()).isFalse();
    assertThat(miss.get("lastSeen").isNull()).isFalse();

    ConsoleSession console = ConsoleSession.signIn(port, engineerName, TestUsers.PASSWORD);
    String page = console.get("/code-maps?kind=race").body();
    String row = "id=\"miss-" + miss.get("id").asLong() + "\"";
    assertThat(page).contains("Codes without a mapping", row, race);

    // the row's own form, prefilled with kind, code and code system; the engineer adds the value
    HttpResponse<String> mapped =
        console.post(
            "/code-maps",
            Map.of("kind", "race", "code", race, "codeSystem", "HL70005", "value", "2106-3"));
    assertThat(mapped.statusCode()).isEqualTo(302);
    assertThat(codeMaps.translate(CodeMapKind.RACE, "HL70005", race)).contains("2106-3");

    assertThat(listedMiss(viewer, race)).as("mapped now, so no longer listed").isNull();
    assertThat(console.get("/code-maps?kind=race").body()).doesNotContain(row);
  }

  @Test
  void unknown_wards_and_doctors_are_listed_and_a_message_applied_again_counts_once() {
    String race = rawCode();
    String ward = "W" + unique();
    String doctor = "D" + unique();
    String message =
        a04(mrn, "F" + unique(), ward, doctor)
            .replace("|F|||12 Elm St", "|F||" + race + "|12 Elm St");
    Exchange row = hl7.apply(message);
    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);

    // a dry run and the row applied again before the next write, then again after it
    reprocessing.dryRun(row.id());
    reprocessing.requeue(row.id());
    assertThat(hl7.finished(row.id()).status()).isEqualTo(ExchangeStatus.APPLIED);
    misses.flush();
    reprocessing.requeue(row.id());
    assertThat(hl7.finished(row.id()).status()).isEqualTo(ExchangeStatus.APPLIED);
    misses.flush();

    JsonApi viewer = new JsonApi(http, json, viewerName, TestUsers.PASSWORD);
    JsonNode raceMiss = listedMiss(viewer, "race", race);
    JsonNode wardMiss = listedMiss(viewer, "location", ward);
    JsonNode doctorMiss = listedMiss(viewer, "provider", doctor);
    assertThat(raceMiss.get("times").asLong()).as("one row, applied three times").isEqualTo(1);
    assertThat(wardMiss).as("PV1-3's point of care").isNotNull();
    assertThat(wardMiss.get("lastExchangeId").asLong()).isEqualTo(row.id());
    assertThat(doctorMiss).as("PV1-7's id").isNotNull();
    assertThat(doctorMiss.get("times").asLong()).isEqualTo(1);
  }

  @Test
  void a_code_that_maps_is_not_recorded() {
    String race = rawCode();
    codeMaps.create(new CodeMapInput("race", null, "282", race, "2054-5", null, true));

    Exchange row = hl7.apply(a04WithRace(mrn, race));
    misses.flush();

    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(patients.findByMrn(mrn, "HOSP").orElseThrow().race()).isEqualTo("2054-5");
    assertThat(
            jdbc.sql("SELECT count(*) FROM code_map_miss WHERE code = ?")
                .param(race)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void the_list_needs_sign_in_and_names_a_bad_kind() {
    assertThat(JsonApi.anonymous(http, json).get("/api/v1/code-maps/misses").code()).isEqualTo(401);
    JsonApi viewer = new JsonApi(http, json, viewerName, TestUsers.PASSWORD);
    assertThat(viewer.get("/api/v1/code-maps/misses?kind=nonsense").badFields())
        .containsExactly("kind");
    assertThat(viewer.get("/api/v1/code-maps/misses?limit=0").badFields()).containsExactly("limit");
  }
}
