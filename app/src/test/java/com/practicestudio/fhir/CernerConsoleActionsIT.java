package com.practicestudio.fhir;

import static com.practicestudio.fhir.SandboxDomainConfig.DOMAIN;
import static com.practicestudio.fhir.SandboxDomainConfig.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.LocationRecord;
import com.practicestudio.sandbox.data.ObservationRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import com.practicestudio.scheduling.JsonApi;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.ConsoleSession;
import com.practicestudio.testing.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's Cerner write actions over HTTP with a signed-in session and CSRF: book a free
 * sandbox slot, send a vital sign, sync appointments now; a viewer may look but not book.
 */
@SandboxDomainTest
class CernerConsoleActionsIT {

  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired UserService users;

  JsonApi api;
  ConsoleSession admin;

  @BeforeEach
  void signIn() {
    api = JsonApi.admin(http, json);
    admin = ConsoleSession.signIn(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
  }

  @Test
  void lists_free_slots_in_the_domain_zone_and_books_one_until_cerner_confirms() {
    long patient = linkedPatient(0);
    SlotRecord slot = freeSlot(0);
    String base = "/cerner/patients/linked/" + patient;

    assertThat(admin.get(base).body()).contains("id=\"book-link\"");
    String page = admin.get(base + "/book").body();
    assertThat(page).contains("id=\"slot-search\"", "id=\"serviceType\"");
    HttpResponse<String> listed = admin.get(base + "/book/slots?" + search(slot));
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body())
        .contains("data-slot=\"" + slot.slotId() + "\"")
        .contains(slot.start().atZone(CHICAGO).toLocalTime().toString().substring(0, 5))
        .contains("class=\"book\"");

    HttpResponse<String> booked = admin.post(base + "/book", booking(slot));
    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(302);
    String appointmentPage = ConsoleSession.location(booked);
    assertThat(appointmentPage).startsWith(base + "/appointments/");
    assertThat(admin.get(appointmentPage).body())
        .contains("id=\"exchange-link\"")
        .containsPattern("id=\"status\">(pending|booked)<");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> admin.get(appointmentPage + "/status").body().contains(">booked<"));
    assertThat(SANDBOX.data().slot(slot.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.BUSY);

    String other = "/cerner/patients/linked/" + linkedPatient(3);
    HttpResponse<String> again = admin.post(other + "/book", booking(slot));
    String refused = ConsoleSession.location(again);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> admin.get(refused + "/status").body().contains(">booking-failed<"));
    assertThat(admin.get(refused).body()).contains("id=\"status-reason\"", "no longer free");
  }

  @Test
  void sends_a_vital_sign_that_cerner_receives_and_shows_refused_fields() {
    long patient = linkedPatient(1);
    String cernerPatient = api.get("/api/v1/patients/" + patient).field("externalId");
    String base = "/cerner/patients/linked/" + patient;
    assertThat(admin.get(base + "/vitals").body()).contains("id=\"vital-form\"", "8867-4");

    HttpResponse<String> refused =
        admin.post(
            base + "/vitals",
            Map.of("code", "29463-7", "value", "heavy", "time", "2026-11-18T08:00"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("id=\"problems\"", "value: ").doesNotContain("Exception");
    HttpResponse<String> noTime =
        admin.post(base + "/vitals", Map.of("code", "8867-4", "value", "72", "time", ""));
    assertThat(noTime.body()).contains("time: is required");
    HttpResponse<String> badTime =
        admin.post(base + "/vitals", Map.of("code", "8867-4", "value", "72", "time", "soon"));
    assertThat(badTime.body()).contains("time: must be a date and time");

    HttpResponse<String> sent =
        admin.post(
            base + "/vitals", Map.of("code", "8867-4", "value", "72", "time", "2026-11-18T08:00"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String observationPage = ConsoleSession.location(sent);
    long observation =
        Long.parseLong(observationPage.substring(observationPage.lastIndexOf('/') + 1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> admin.get(observationPage + "/status").body().contains(">delivered<"));
    assertThat(
            jdbc.sql("SELECT status FROM exchange WHERE message_id = ?")
                .param("Observation/" + observation)
                .query(String.class)
                .single())
        .isEqualTo("DELIVERED");
    String cernerId = field(admin.get(observationPage).body(), "cerner-id");
    ObservationRecord received =
        SANDBOX.data().observations().stream()
            .filter(o -> Long.toString(o.observationId()).equals(cernerId))
            .findFirst()
            .orElseThrow();
    assertThat(Long.toString(received.patientId())).isEqualTo(cernerPatient);
    assertThat(received.code().code()).isEqualTo("8867-4");
    assertThat(received.value().ucum()).isEqualTo("/min");
    assertThat(received.effective()).isEqualTo(Instant.parse("2026-11-18T14:00:00Z"));
  }

  @Test
  void syncs_appointments_now_from_the_domain_page_and_audits_it() {
    AppointmentRecord appointment =
        SANDBOX.data().appointments().stream()
            .filter(a -> SANDBOX.data().patient(a.patientId()).orElseThrow().active())
            .skip(17)
            .findFirst()
            .orElseThrow();
    LocationRecord location = SANDBOX.data().location(appointment.locationId()).orElseThrow();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("externalId", Long.toString(location.locationId()));
    body.put("name", location.name());
    body.put("timeZone", "America/Chicago");
    api.post("/api/v1/locations", body);

    String page = admin.get("/settings/cerner/" + DOMAIN + "/sync").body();
    assertThat(page).contains("id=\"sync-form\"", "id=\"locations\"");
    LocalDate today = LocalDate.now(CHICAGO);
    assertThat(page).contains("value=\"" + today + "\"", "value=\"" + today.plusDays(14) + "\"");

    LocalDate day = appointment.start().atZone(CHICAGO).toLocalDate();
    HttpResponse<String> synced =
        admin.post(
            "/settings/cerner/" + DOMAIN + "/sync",
            Map.of("from", day.toString(), "to", day.toString()));
    assertThat(synced.statusCode()).isEqualTo(200);
    Matcher notice = Pattern.compile("(\\d+) recorded, (\\d+) unchanged").matcher(synced.body());
    assertThat(notice.find()).as(synced.body()).isTrue();
    assertThat(Integer.parseInt(notice.group(1))).isPositive();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'SETTINGS_CHANGE'"
                        + " AND target_type = 'cerner_domain' AND detail::text LIKE ?")
                .param("%sync-now%")
                .query(Long.class)
                .single())
        .isPositive();

    HttpResponse<String> backwards =
        admin.post(
            "/settings/cerner/" + DOMAIN + "/sync",
            Map.of("from", day.toString(), "to", day.minusDays(1).toString()));
    assertThat(backwards.body()).contains("to: must not be before from");
  }

  @Test
  void a_viewer_sees_slots_but_no_booking_form_and_cannot_post() {
    long patient = linkedPatient(2);
    SlotRecord slot = freeSlot(1);
    String base = "/cerner/patients/linked/" + patient;
    ConsoleSession viewer =
        ConsoleSession.signIn(port, TestUsers.create(users, Role.VIEWER), TestUsers.PASSWORD);

    HttpResponse<String> page = viewer.get(base + "/book?" + search(slot));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-slot=\"" + slot.slotId() + "\"", "id=\"read-only\"")
        .doesNotContain("class=\"book\"");
    assertThat(viewer.post(base + "/book", booking(slot)).statusCode()).isEqualTo(403);
    assertThat(viewer.get(base + "/vitals").body()).doesNotContain("id=\"vital-form\"");
    assertThat(
            viewer
                .post(
                    base + "/vitals",
                    Map.of("code", "8867-4", "value", "72", "time", "2026-11-18T08:00"))
                .statusCode())
        .isEqualTo(403);
    assertThat(viewer.get("/settings/cerner/" + DOMAIN + "/sync").statusCode()).isEqualTo(403);
    assertThat(SANDBOX.data().slot(slot.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.FREE);
  }

  @Test
  void a_cerner_failure_shows_a_readable_message_not_a_stack_trace() {
    long patient = linkedPatient(4);
    SlotRecord slot = freeSlot(2);
    SANDBOX.faults().errorRate("/r4/", 500, 1.0);
    try {
      HttpResponse<String> listed =
          admin.get("/cerner/patients/linked/" + patient + "/book/slots?" + search(slot));
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body())
          .contains("id=\"error\"", "Cerner could not list the slots: FHIR-")
          .doesNotContain("data-slot=")
          .doesNotContain("Exception")
          .doesNotContain("at com.practicestudio");
    } finally {
      SANDBOX.faults().reset();
    }
  }

  // ---- helpers

  long linkedPatient(int n) {
    List<PatientRecord> active =
        SANDBOX.data().patients().stream().filter(PatientRecord::active).toList();
    PatientRecord record = active.get(active.size() - 1 - n * 2);
    JsonApi.Response imported =
        api.post(
            "/api/v1/cerner/domains/" + DOMAIN + "/patients/" + record.personId() + "/import",
            null);
    assertThat(imported.status()).isIn(200, 201);
    return imported.body().path("patient").path("id").asLong();
  }

  /**
   * A free future slot from the end of the sandbox's list (other tests take theirs from the start).
   */
  static SlotRecord freeSlot(int n) {
    List<SlotRecord> free =
        SANDBOX.data().slots().stream()
            .filter(
                s ->
                    s.status() == SlotStatus.FREE
                        && s.start().isAfter(Instant.now().plus(Duration.ofDays(1))))
            .toList();
    return free.get(free.size() - 1 - n * 13);
  }

  static String search(SlotRecord slot) {
    LocalDate day = slot.start().atZone(CHICAGO).toLocalDate();
    return "domainId="
        + DOMAIN
        + "&serviceType="
        + slot.serviceType().millennium().value()
        + "&from="
        + day
        + "&to="
        + day;
  }

  static Map<String, String> booking(SlotRecord slot) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("domainId", Long.toString(DOMAIN));
    form.put("slotId", slot.slotId());
    form.put("start", slot.start().toString());
    form.put("end", slot.end().toString());
    form.put("serviceType", Long.toString(slot.serviceType().millennium().value()));
    form.put("reason", "Check-up");
    return form;
  }

  static String field(String page, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
    if (!m.find()) {
      throw new AssertionError("no #" + id);
    }
    return m.group(1).trim();
  }
}
