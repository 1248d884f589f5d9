package com.practicestudio.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.practicestudio.hl7.Hl7Interfaces;
import com.practicestudio.security.Role;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.TestUsers;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.time.Duration;
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
class AppointmentsApiIT {

  private static final String API = "/api/v1/appointments";
  private static final long NO_SUCH_ID = 987_654_321_000L;

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired UserService users;
  @Autowired AuditLog audit;
  @Autowired AppointmentService service;
  @Autowired Hl7Interfaces interfaces;

  JsonApi api;
  RecordsFixture fixture;
  long patient;
  long provider;
  long chicago;

  @BeforeEach
  void setUp() {
    api = JsonApi.admin(http, json);
    fixture = new RecordsFixture(jdbc);
    patient = fixture.patient();
    provider = fixture.provider();
    chicago = fixture.location("America/Chicago");
  }

  Map<String, Object> body(String start, int minutes) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("patientId", patient);
    body.put("providerId", provider);
    body.put("locationId", chicago);
    body.put("appointmentType", "Follow-up");
    body.put("startTime", start);
    body.put("durationMinutes", minutes);
    body.put("reason", "Blood pressure check");
    return body;
  }

  @Test
  void creates_an_appointment_and_shows_it_in_the_location_time_zone() {
    JsonApi.Response created = api.post(API, body("2026-11-19T14:30:00Z", 30));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().getLocation()).hasPath(API + "/" + created.id());
    JsonApi.Response read = api.get(API + "/" + created.id());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.field("startTime")).isEqualTo("2026-11-19T14:30:00Z");
    assertThat(read.field("endTime")).isEqualTo("2026-11-19T15:00:00Z");
    assertThat(read.body().get("durationMinutes").asInt()).isEqualTo(30);
    assertThat(read.field("timeZone")).isEqualTo("America/Chicago");
    assertThat(read.field("localStartTime")).isEqualTo("2026-11-19T08:30:00-06:00");
    assertThat(read.field("localEndTime")).isEqualTo("2026-11-19T09:00:00-06:00");
    assertThat(read.field("status")).isEqualTo("booked");
    assertThat(read.body().get("version").asInt()).isEqualTo(1);
    assertThat(read.body().get("patientId").asLong()).isEqualTo(patient);
    assertThat(read.body().has("cernerDomainId")).isTrue();
  }

  @ParameterizedTest(name = "{0} at {1} shows {2}")
  @CsvSource({
    "America/Chicago, 2026-11-19T14:30:00Z, 2026-11-19T08:30:00-06:00",
    "America/Chicago, 2026-07-01T14:30:00Z, 2026-07-01T09:30:00-05:00",
    "America/New_York, 2026-11-19T14:30:00Z, 2026-11-19T09:30:00-05:00",
    "Asia/Kolkata, 2026-11-19T14:30:00Z, 2026-11-19T20:00:00+05:30",
    "UTC, 2026-11-19T14:30:00Z, 2026-11-19T14:30:00Z"
  })
  void local_times_follow_the_location_zone_and_daylight_saving(
      String zone, String start, String local) {
    Map<String, Object> body = body(start, 15);
    body.put("locationId", fixture.location(zone));
    JsonApi.Response created = api.post(API, body);
    assertThat(created.field("timeZone")).isEqualTo(zone);
    assertThat(created.field("localStartTime")).isEqualTo(local);
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        bad("no patient", b -> b.remove("patientId"), "patientId"),
        bad("unknown patient", b -> b.put("patientId", NO_SUCH_ID), "patientId"),
        bad("unknown provider", b -> b.put("providerId", NO_SUCH_ID), "providerId"),
        bad("unknown location", b -> b.put("locationId", NO_SUCH_ID), "locationId"),
        bad("no start", b -> b.remove("startTime"), "startTime"),
        bad("start not an instant", b -> b.put("startTime", "19/11/2026 8:30"), "startTime"),
        bad("patientId not a number", b -> b.put("patientId", "abc"), "patientId"),
        bad("neither end nor duration", b -> b.remove("durationMinutes"), "endTime"),
        bad(
            "end before start",
            b -> {
              b.remove("durationMinutes");
              b.put("endTime", "2026-11-19T14:00:00Z");
            },
            "endTime"),
        bad("end equals start", b -> b.put("endTime", "2026-11-19T14:30:00Z"), "endTime"),
        bad(
            "duration disagrees with end",
            b -> b.put("endTime", "2026-11-19T15:30:00Z"),
            "durationMinutes"),
        bad("zero duration", b -> b.put("durationMinutes", 0), "durationMinutes"),
        bad("unknown status", b -> b.put("status", "confirmed"), "status"),
        bad("reason too long", b -> b.put("reason", "x".repeat(2001)), "reason"));
  }

  static Arguments bad(String name, Consumer<Map<String, Object>> change, String field) {
    return Arguments.of(name, change, field);
  }

  @ParameterizedTest(name = "{0} → 400 naming {2}")
  @MethodSource("invalidBodies")
  void an_invalid_appointment_is_refused_naming_the_field(
      String name, Consumer<Map<String, Object>> change, String field) {
    Map<String, Object> body = body("2026-11-19T14:30:00Z", 30);
    change.accept(body);
    long before = countFor(patient);

    JsonApi.Response response = api.post(API, body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(response.badFields()).containsExactly(field);
    assertThat(countFor(patient)).isEqualTo(before);
  }

  @Test
  void every_bad_field_is_named_at_once() {
    Map<String, Object> body = body("2026-11-19T14:30:00Z", 30);
    body.put("providerId", NO_SUCH_ID);
    body.put("locationId", NO_SUCH_ID);
    body.put("status", "nope");
    JsonApi.Response response = api.post(API, body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields())
        .containsExactlyInAnyOrder("providerId", "locationId", "status");
  }

  @Test
  void a_merged_patient_cannot_get_new_appointments() {
    long survivor = fixture.patient();
    fixture.merge(patient, survivor);
    JsonApi.Response response = api.post(API, body("2026-11-19T14:30:00Z", 30));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly("patientId");
  }

  @Test
  void unknown_ids_answer_404() {
    assertThat(api.get(API + "/" + NO_SUCH_ID).status()).isEqualTo(404);
    assertThat(api.put(API + "/" + NO_SUCH_ID, body("2026-11-19T14:30:00Z", 30)).status())
        .isEqualTo(404);
    assertThat(api.patch(API + "/" + NO_SUCH_ID, Map.of("notes", "x")).status()).isEqualTo(404);
    assertThat(api.post(API + "/" + NO_SUCH_ID + "/cancel", Map.of("reason", "x")).status())
        .isEqualTo(404);
  }

  @Test
  void search_pages_by_start_time_with_a_cursor() {
    long c = api.post(API, body("2026-11-21T15:00:00Z", 30)).id();
    long a = api.post(API, body("2026-11-19T15:00:00Z", 30)).id();
    long b = api.post(API, body("2026-11-20T15:00:00Z", 30)).id();

    JsonApi.Response first = api.get(API + "?patientId=" + patient + "&limit=2");
    assertThat(ids(first)).containsExactly(a, b);
    assertThat(first.field("next")).isNotNull();
    JsonApi.Response second =
        api.get(API + "?patientId=" + patient + "&limit=2&cursor=" + first.field("next"));
    assertThat(ids(second)).containsExactly(c);
    assertThat(second.field("next")).isNull();
  }

  @Test
  void search_filters_by_each_field() {
    Map<String, Object> other = body("2026-11-23T15:00:00Z", 30);
    other.put("externalId", "SCH-" + RecordsFixture.unique());
    other.put("status", "arrived");
    long match = api.post(API, other).id();
    long rest = api.post(API, body("2026-11-24T15:00:00Z", 30)).id();

    String byPatient = API + "?patientId=" + patient;
    assertThat(ids(api.get(API + "?externalId=" + other.get("externalId")))).containsExactly(match);
    assertThat(ids(api.get(byPatient + "&status=arrived"))).containsExactly(match);
    assertThat(ids(api.get(byPatient + "&providerId=" + provider))).containsExactly(match, rest);
    assertThat(ids(api.get(byPatient + "&locationId=" + chicago))).containsExactly(match, rest);
    assertThat(ids(api.get(byPatient + "&from=2026-11-24T00:00:00Z"))).containsExactly(rest);
    assertThat(ids(api.get(byPatient + "&to=2026-11-24T00:00:00Z"))).containsExactly(match);
    assertThat(ids(api.get(API + "?providerId=" + fixture.provider()))).isEmpty();
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @CsvSource({
    "status=confirmed, status",
    "limit=0, limit",
    "limit=501, limit",
    "cursor=%%%, cursor",
    "from=yesterday, from",
    "date=19.11.2026, date",
    "date=2026-11-19&from=2026-11-19T00:00:00Z, date",
    "date=2026-11-19&timeZone=Mars/Olympus, timeZone",
    "from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z, to"
  })
  void bad_search_parameters_are_named(String query, String field) {
    JsonApi.Response response = api.get(API + "?" + query);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly(field);
  }

  @Test
  void the_day_view_covers_the_calendar_day_in_the_location_zone() {
    // Chicago is UTC-6 in November: 19 Nov local runs from 06:00Z to 06:00Z the next day
    api.post(API, body("2026-11-19T05:59:00Z", 1));
    long first = api.post(API, body("2026-11-19T06:00:00Z", 30)).id();
    long last = api.post(API, body("2026-11-20T05:59:00Z", 1)).id();
    api.post(API, body("2026-11-20T06:00:00Z", 30));

    JsonApi.Response day = api.get(API + "?date=2026-11-19&locationId=" + chicago);
    assertThat(ids(day)).containsExactly(first, last);
    assertThat(day.body().get("items").get(0).get("localStartTime").asString())
        .isEqualTo("2026-11-19T00:00:00-06:00");

    assertThat(service.day(java.time.LocalDate.parse("2026-11-19"), chicago))
        .extracting(Appointment::id)
        .containsExactly(first, last);
  }

  @Test
  void put_replaces_the_appointment_and_checks_the_version() {
    JsonApi.Response created = api.post(API, body("2026-11-19T14:30:00Z", 30));
    Map<String, Object> change = body("2026-11-19T16:00:00Z", 45);
    change.put("status", "arrived");
    change.put("version", 1);

    JsonApi.Response changed = api.put(API + "/" + created.id(), change);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.field("endTime")).isEqualTo("2026-11-19T16:45:00Z");
    assertThat(changed.field("status")).isEqualTo("arrived");
    assertThat(changed.field("reason")).isEqualTo("Blood pressure check");
    assertThat(changed.body().get("version").asInt()).isEqualTo(2);

    JsonApi.Response stale = api.put(API + "/" + created.id(), change);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(api.get(API + "/" + created.id()).body().get("version").asInt()).isEqualTo(2);
  }

  @Test
  void patch_changes_only_the_fields_given_and_moving_the_start_keeps_the_duration() {
    long id = api.post(API, body("2026-11-19T14:30:00Z", 30)).id();

    JsonApi.Response moved = api.patch(API + "/" + id, Map.of("startTime", "2026-11-19T18:00:00Z"));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.field("endTime")).isEqualTo("2026-11-19T18:30:00Z");
    assertThat(moved.field("reason")).isEqualTo("Blood pressure check");

    JsonApi.Response noted =
        api.patch(API + "/" + id, "{\"notes\":\"bring list\",\"reason\":null}");
    assertThat(noted.field("notes")).isEqualTo("bring list");
    assertThat(noted.field("reason")).isNull();
    assertThat(noted.field("startTime")).isEqualTo("2026-11-19T18:00:00Z");

    JsonApi.Response longer = api.patch(API + "/" + id, Map.of("durationMinutes", 60));
    assertThat(longer.field("endTime")).isEqualTo("2026-11-19T19:00:00Z");

    JsonApi.Response bad = api.patch(API + "/" + id, Map.of("endTime", "2026-11-19T17:00:00Z"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.badFields()).containsExactly("endTime");
    JsonApi.Response badType = api.patch(API + "/" + id, Map.of("providerId", "dr who"));
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.badFields()).containsExactly("providerId");
  }

  @Test
  void the_service_asks_a_user_for_a_cancel_reason_but_records_a_peers_cancel_without_one() {
    long byUser = api.post(API, body("2026-11-19T14:30:00Z", 30)).id();
    for (String missing : new String[] {null, "", "  "}) {
      assertThatThrownBy(() -> service.cancelByUser(byUser, missing))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(FieldProblem::field)
                      .containsExactly("reason"));
    }
    assertThat(service.byId(byUser).status()).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(service.cancelByUser(byUser, "Patient called").statusReason())
        .isEqualTo("Patient called");

    // an inbound SIU S15 may carry no reason (SCH-6): the cancel is recorded all the same
    long byPeer = api.post(API, body("2026-11-19T15:30:00Z", 30)).id();
    Appointment cancelled = service.cancel(byPeer, null);
    assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(cancelled.statusReason()).isNull();
  }

  @Test
  void a_put_or_patch_that_cancels_needs_the_status_reason() {
    long id = api.post(API, body("2026-11-19T15:30:00Z", 30)).id();

    JsonApi.Response patched = api.patch(API + "/" + id, Map.of("status", "cancelled"));
    assertThat(patched.status()).isEqualTo(400);
    assertThat(patched.badFields()).containsExactly("statusReason");
    JsonApi.Response current = api.get(API + "/" + id);
    assertThat(current.field("status")).isEqualTo("booked");

    Map<String, Object> replaced = body("2026-11-19T15:30:00Z", 30);
    replaced.put("status", "cancelled");
    replaced.put("version", current.body().path("version").asInt());
    assertThat(api.put(API + "/" + id, replaced).badFields()).containsExactly("statusReason");

    replaced.put("statusReason", "Patient called");
    JsonApi.Response cancelled = api.put(API + "/" + id, replaced);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.field("status")).isEqualTo("cancelled");
    assertThat(cancelled.field("statusReason")).isEqualTo("Patient called");
  }

  @Test
  void cancel_records_the_reason_and_a_cancelled_appointment_no_longer_changes() {
    long id = api.post(API, body("2026-11-19T14:30:00Z", 30)).id();

    JsonApi.Response noReason = api.post(API + "/" + id + "/cancel", Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.badFields()).containsExactly("reason");

    JsonApi.Response cancelled =
        api.post(API + "/" + id + "/cancel", Map.of("reason", "Patient called"));
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.field("status")).isEqualTo("cancelled");
    assertThat(cancelled.field("statusReason")).isEqualTo("Patient called");

    assertThat(api.post(API + "/" + id + "/cancel", Map.of("reason", "again")).status())
        .isEqualTo(409);
    assertThat(api.patch(API + "/" + id, Map.of("notes", "x")).status()).isEqualTo(409);
  }

  @Test
  void booking_changing_and_cancelling_through_the_api_write_siu_s12_s14_s15_to_the_journal()
      throws Exception {
    try (SiuSenderFixture siu = new SiuSenderFixture(interfaces, jdbc)) {
      long id = api.post(API, body("2027-02-01T15:00:00Z", 30)).id();
      assertThat(siu.messageTypes(patient)).containsExactly("SIU^S12");

      JsonApi.Response moved =
          api.patch(API + "/" + id, Map.of("startTime", "2027-02-01T16:00:00Z"));
      assertThat(moved.status()).isEqualTo(200);
      assertThat(siu.messageTypes(patient)).containsExactly("SIU^S12", "SIU^S14");
      JsonApi.Response refused = api.patch(API + "/" + id, Map.of("providerId", NO_SUCH_ID));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(siu.messageTypes(patient)).as("a refused change writes none").hasSize(2);

      api.post(API + "/" + id + "/cancel", Map.of("reason", "Patient called"));
      assertThat(siu.messageTypes(patient)).containsExactly("SIU^S12", "SIU^S14", "SIU^S15");
      await().atMost(Duration.ofSeconds(30)).until(() -> siu.receivedFor(id).size() == 3);
      // 16:00 UTC is 10:00 in Chicago in February (UTC-6)
      assertThat(siu.receivedFor(id).get(1).get("AIS-4")).isEqualTo("20270201100000-0600");
    }
  }

  @Test
  void a_duplicate_external_id_is_a_conflict() {
    Map<String, Object> body = body("2026-11-19T14:30:00Z", 30);
    body.put("externalId", "SCH-" + RecordsFixture.unique());
    assertThat(api.post(API, body).status()).isEqualTo(201);
    assertThat(api.post(API, body).status()).isEqualTo(409);
  }

  @Test
  void a_viewer_reads_but_does_not_write() {
    long id = api.post(API, body("2026-11-19T14:30:00Z", 30)).id();
    JsonApi viewer = api.as(TestUsers.create(users, Role.VIEWER));
    assertThat(viewer.get(API + "/" + id).status()).isEqualTo(200);
    assertThat(viewer.get(API + "?patientId=" + patient).status()).isEqualTo(200);
    assertThat(viewer.post(API, body("2026-11-19T14:30:00Z", 30)).status()).isEqualTo(403);
    assertThat(viewer.patch(API + "/" + id, Map.of("notes", "x")).status()).isEqualTo(403);
    assertThat(viewer.post(API + "/" + id + "/cancel", Map.of("reason", "x")).status())
        .isEqualTo(403);
  }

  @Test
  void reads_are_audited_as_phi_reads_of_the_patient() {
    long id = api.post(API, body("2026-11-19T14:30:00Z", 30)).id();
    assertThat(phiReads(patient)).isEmpty();

    api.get(API + "/" + id);
    api.get(API + "?patientId=" + patient);

    assertThat(phiReads(patient))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.detail()).containsEntry("via", "api:appointments"));
  }

  private List<com.practicestudio.security.audit.AuditEvent> phiReads(long patientId) {
    return audit
        .search(
            new AuditLog.AuditQuery(
                TestUsers.ADMIN,
                AuditAction.PHI_READ,
                "patient",
                Long.toString(patientId),
                null,
                null),
            50,
            null)
        .items();
  }

  private long countFor(long patientId) {
    return jdbc.sql("SELECT count(*) FROM appointment WHERE patient_id = ?")
        .param(patientId)
        .query(Long.class)
        .single();
  }

  private static List<Long> ids(JsonApi.Response page) {
    assertThat(page.status()).isEqualTo(200);
    List<Long> ids = new java.util.ArrayList<>();
    for (JsonNode item : page.body().get("items")) {
      ids.add(item.get("id").asLong());
    }
    return ids;
  }
}
