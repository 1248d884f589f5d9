package com.practicestudio.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.hl7.Hl7Interfaces;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.Browser;
import com.practicestudio.testing.ConsoleSession;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.TestUsers;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console books, changes and cancels appointments over HTTP with a signed-in session and CSRF,
 * through the service the API uses: each write leaves its SIU S12/S14/S15 in the journal (and the
 * sender delivers them), bad fields come back on the form by name with nothing written, and a
 * read-only user gets neither the actions nor the writes.
 */
@IntegrationTest
class AppointmentsConsoleIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String NO_SUCH_PROVIDER = "987654321000";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Hl7Interfaces interfaces;
  @Autowired UserService users;
  @Autowired AppointmentService appointments;

  SiuSenderFixture siu;
  long patient;
  long provider;
  long chicago;
  String operatorName;
  ConsoleSession operator;

  @BeforeEach
  void setUp() throws Exception {
    siu = new SiuSenderFixture(interfaces, jdbc);
    RecordsFixture records = new RecordsFixture(jdbc);
    patient = records.patient();
    provider = records.provider();
    chicago = records.location("America/Chicago");
    operatorName = TestUsers.create(users, Role.OPERATOR);
    operator = ConsoleSession.signIn(port, operatorName, TestUsers.PASSWORD);
  }

  @AfterEach
  void tearDown() {
    siu.close();
  }

  @Test
  void an_operator_books_changes_and_cancels_and_each_writes_its_siu_to_the_journal() {
    String day = "/appointments?date=2027-01-15&locationId=" + chicago;
    assertThat(operator.get(day).body()).contains("id=\"book-link\"");
    assertThat(operator.get("/appointments/new?date=2027-01-15&locationId=" + chicago).body())
        .contains("id=\"appointment-form\"", "value=\"2027-01-15T09:00\"");

    HttpResponse<String> booked =
        operator.post("/appointments", form(Long.toString(patient), "2027-01-15T09:30", "30"));
    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(302);
    Appointment made = onlyAppointmentOf(patient);
    assertThat(made.startTime()).isEqualTo(Instant.parse("2027-01-15T15:30:00Z")); // UTC-6
    assertThat(made.endTime()).isEqualTo(Instant.parse("2027-01-15T16:00:00Z"));
    assertThat(made.providerId()).isEqualTo(provider);
    assertThat(made.locationId()).isEqualTo(chicago);
    assertThat(follow(booked)).contains("Booked appointment " + made.id(), "09:30–10:00");
    assertThat(siu.messageTypes(patient)).containsExactly("SIU^S12");

    assertThat(operator.get("/appointments/" + made.id() + "/edit").body())
        .contains("value=\"2027-01-15T09:30\"", "name=\"version\" value=\"1\"");
    Map<String, String> moved = form(null, "2027-01-15T10:00", "45");
    moved.put("version", "1");
    moved.put("notes", "moved by phone");
    HttpResponse<String> changed = operator.post("/appointments/" + made.id(), moved);
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
    assertThat(follow(changed)).contains("Saved appointment " + made.id(), "10:00–10:45");
    Appointment after = appointments.byId(made.id());
    assertThat(after.startTime()).isEqualTo(Instant.parse("2027-01-15T16:00:00Z"));
    assertThat(after.durationMinutes()).isEqualTo(45);
    assertThat(after.notes()).isEqualTo("moved by phone");
    assertThat(after.patientId()).isEqualTo(patient);
    assertThat(siu.messageTypes(patient)).containsExactly("SIU^S12", "SIU^S14");

    assertThat(operator.get("/appointments/" + made.id() + "/cancel").body())
        .contains("id=\"cancel-form\"", "id=\"confirm-cancel\"");
    HttpResponse<String> cancelled =
        operator.post("/appointments/" + made.id() + "/cancel", Map.of("reason", "patient called"));
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(302);
    assertThat(appointments.byId(made.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(follow(cancelled))
        .contains("Cancelled appointment " + made.id())
        .doesNotContain("/appointments/" + made.id() + "/edit");
    assertThat(siu.messageTypes(patient)).containsExactly("SIU^S12", "SIU^S14", "SIU^S15");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(siu.rows(patient))
                    .extracting(SiuSenderFixture.Row::status)
                    .containsExactly("DELIVERED", "DELIVERED", "DELIVERED"));
    List<Hl7Message> sent = siu.receivedFor(made.id());
    assertThat(sent).extracting(Hl7Message::triggerEvent).containsExactly("S12", "S14", "S15");
    assertThat(sent.get(1).get("AIS-4")).isEqualTo("20270115100000-0600");
    assertThat(sent.get(2).get("SCH-6.2")).isEqualTo("patient called");
    assertThat(auditedBy(operatorName, made.id()))
        .containsExactly("RECORD_CREATE", "RECORD_UPDATE", "RECORD_UPDATE");
  }

  @Test
  void in_a_browser_the_day_view_leads_to_booking_changing_and_cancelling() {
    String day = "/appointments?date=2027-01-18&locationId=" + chicago;
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(operatorName, TestUsers.PASSWORD);
      browser.open(day);
      browser.waitFor(By.id("book-link")).click();
      WebElement form = browser.waitFor(By.id("appointment-form"));
      form.findElement(By.id("patientId")).sendKeys(Long.toString(patient));
      new Select(form.findElement(By.id("providerId"))).selectByValue(Long.toString(provider));
      form.findElement(By.id("appointmentType")).sendKeys("follow-up");
      form.findElement(By.id("save")).click();
      browser.waitForText(By.id("notice"), "Booked appointment");
      long id = onlyAppointmentOf(patient).id();
      browser.waitForText(By.id("appointments"), "09:00–09:30");

      browser
          .driver()
          .findElement(By.cssSelector("tr[data-appointment='" + id + "'] a.edit"))
          .click();
      WebElement minutes = browser.waitFor(By.id("durationMinutes"));
      minutes.clear();
      minutes.sendKeys("50");
      browser.driver().findElement(By.id("save")).click();
      browser.waitForText(By.id("appointments"), "09:00–09:50");

      browser
          .driver()
          .findElement(By.cssSelector("tr[data-appointment='" + id + "'] a.cancel"))
          .click();
      browser.waitFor(By.id("reason")).sendKeys("patient called");
      browser.driver().findElement(By.id("confirm-cancel")).click();
      browser.waitForText(By.id("notice"), "Cancelled appointment " + id);
    }
    assertThat(siu.messageTypes(patient)).containsExactly("SIU^S12", "SIU^S14", "SIU^S15");
    assertThat(appointments.byId(id(patient)).durationMinutes()).isEqualTo(50);
  }

  @Test
  void bad_fields_come_back_on_the_form_by_name_and_nothing_is_written() {
    operator.get("/appointments/new");
    Map<String, String> unknownProvider = form(Long.toString(patient), "2027-01-16T09:00", "0");
    unknownProvider.put("providerId", NO_SUCH_PROVIDER);
    HttpResponse<String> refused = operator.post("/appointments", unknownProvider);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("id=\"error\"", "Not booked; check: ")
        .contains("providerId: names no provider", "id=\"problem-providerId\"")
        .contains("durationMinutes: must be between 1 and", "id=\"problem-durationMinutes\"")
        .contains("unknown provider " + NO_SUCH_PROVIDER) // still chosen, not swapped
        .doesNotContain("Exception");
    HttpResponse<String> badTime =
        operator.post("/appointments", form(Long.toString(patient), "tomorrow", "30"));
    assertThat(badTime.body())
        .contains("startTime: must be a date and time", "id=\"problem-startTime\"");
    HttpResponse<String> noPatient =
        operator.post("/appointments", form("", "2027-01-16T09:00", "30"));
    assertThat(noPatient.body()).contains("patientId: is required");
    assertThat(appointmentsOf(patient)).isEmpty();
    assertThat(siu.rows(patient)).isEmpty();

    Appointment kept = appointments.create(draft(Instant.parse("2027-01-16T15:00:00Z")));
    Map<String, String> change = form(null, "2027-01-16T11:00", "30");
    change.put("providerId", NO_SUCH_PROVIDER);
    change.put("version", "1");
    HttpResponse<String> notSaved = operator.post("/appointments/" + kept.id(), change);
    assertThat(notSaved.statusCode()).isEqualTo(200);
    assertThat(notSaved.body())
        .contains("Not saved; check: providerId", "id=\"problem-providerId\"");
    change.put("providerId", Long.toString(provider));
    change.put("version", "7");
    HttpResponse<String> stale = operator.post("/appointments/" + kept.id(), change);
    assertThat(stale.body()).contains("Not saved: appointment " + kept.id() + " is at version 1");
    HttpResponse<String> noReason =
        operator.post("/appointments/" + kept.id() + "/cancel", Map.of("reason", " "));
    assertThat(noReason.statusCode()).isEqualTo(200);
    assertThat(noReason.body()).contains("reason: is required", "id=\"problem-reason\"");
    Appointment unchanged = appointments.byId(kept.id());
    assertThat(unchanged.startTime()).isEqualTo(kept.startTime());
    assertThat(unchanged.status()).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(unchanged.version()).isEqualTo(1);
    assertThat(siu.messageTypes(patient)).containsExactly("SIU^S12"); // the service's booking
  }

  @Test
  void an_appointment_that_does_not_exist_is_a_not_found_page_not_a_server_error() {
    HttpResponse<String> missing = operator.get("/appointments/987654321/edit");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("id=\"not-found\"").doesNotContain("987654321");
  }

  @Test
  void a_viewer_sees_the_day_without_the_actions_and_is_refused_them() {
    Appointment booked = appointments.create(draft(Instant.parse("2027-01-17T15:00:00Z")));
    String id = Long.toString(booked.id());
    ConsoleSession viewer =
        ConsoleSession.signIn(port, TestUsers.create(users, Role.VIEWER), TestUsers.PASSWORD);

    HttpResponse<String> day = viewer.get("/appointments?date=2027-01-17&locationId=" + chicago);
    assertThat(day.statusCode()).isEqualTo(200);
    assertThat(day.body())
        .contains("data-appointment=\"" + id + "\"")
        .doesNotContain("id=\"book-link\"", "/appointments/" + id + "/edit")
        .doesNotContain("/appointments/" + id + "/cancel");
    for (String page : List.of("/appointments/new", "/appointments/" + id + "/edit")) {
      assertThat(viewer.get(page).statusCode()).as(page).isEqualTo(403);
    }
    assertThat(viewer.get("/appointments/" + id + "/cancel").statusCode()).isEqualTo(403);

    viewer.get("/appointments"); // a page's CSRF token: the refusals below are not CSRF's
    Map<String, String> change = form(Long.toString(patient), "2027-01-17T11:00", "30");
    change.put("version", "1");
    assertThat(viewer.post("/appointments", change).statusCode()).isEqualTo(403);
    assertThat(viewer.post("/appointments/" + id, change).statusCode()).isEqualTo(403);
    assertThat(viewer.post("/appointments/" + id + "/cancel", Map.of("reason", "x")).statusCode())
        .isEqualTo(403);

    Appointment unchanged = appointments.byId(booked.id());
    assertThat(unchanged.status()).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(unchanged.version()).isEqualTo(1);
    assertThat(appointmentsOf(patient)).hasSize(1);
    assertThat(siu.messageTypes(patient)).containsExactly("SIU^S12"); // the service's booking
  }

  // ---- helpers

  /** The form as the page posts it; {@code patientId} null for a change (it is not on its form). */
  private Map<String, String> form(String patientId, String start, String minutes) {
    Map<String, String> form = new LinkedHashMap<>();
    if (patientId != null) {
      form.put("patientId", patientId);
    }
    form.put("providerId", Long.toString(provider));
    form.put("locationId", Long.toString(chicago));
    form.put("appointmentType", "follow-up");
    form.put("startTime", start);
    form.put("durationMinutes", minutes);
    form.put("status", "booked");
    form.put("statusReason", "");
    form.put("reason", "check-up");
    form.put("notes", "");
    return form;
  }

  private AppointmentDraft draft(Instant start) {
    return new AppointmentDraft(
        null,
        patient,
        provider,
        chicago,
        "follow-up",
        null,
        null,
        start,
        null,
        30,
        null,
        null,
        null,
        null,
        null);
  }

  /** The page a redirect answer points to, query included. */
  private String follow(HttpResponse<String> redirect) {
    URI to = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    return operator
        .get(to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery()))
        .body();
  }

  private List<Long> appointmentsOf(long patientId) {
    return jdbc.sql("SELECT id FROM appointment WHERE patient_id = ? ORDER BY id")
        .param(patientId)
        .query(Long.class)
        .list();
  }

  private long id(long patientId) {
    return onlyAppointmentOf(patientId).id();
  }

  private Appointment onlyAppointmentOf(long patientId) {
    List<Long> ids = appointmentsOf(patientId);
    assertThat(ids).hasSize(1);
    return appointments.byId(ids.get(0));
  }

  private List<String> auditedBy(String actor, long appointmentId) {
    return jdbc.sql(
            "SELECT action FROM audit_event WHERE actor = ? AND target_type = 'appointment'"
                + " AND target_id = ? ORDER BY id")
        .params(actor, Long.toString(appointmentId))
        .query(String.class)
        .list();
  }
}
