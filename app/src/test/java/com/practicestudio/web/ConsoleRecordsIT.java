package com.practicestudio.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientInput;
import com.practicestudio.patients.PatientService;
import com.practicestudio.scheduling.RecordsFixture;
import com.practicestudio.testing.Browser;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.TestUsers;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The browser walk: sign in, find a patient, edit a code map, see it all audited. */
@IntegrationTest
class ConsoleRecordsIT {

  @LocalServerPort int port;
  @Autowired PatientService patients;
  @Autowired JdbcClient jdbc;

  @Test
  void the_day_view_shows_appointments_in_the_location_time_zone() {
    RecordsFixture fixture = new RecordsFixture(jdbc);
    long location = fixture.location("America/Chicago");
    long patient = fixture.patient();
    jdbc.sql(
            "INSERT INTO appointment (patient_id, location_id, status, appointment_type,"
                + " start_time, end_time) VALUES (?, ?, 'booked', 'office-visit',"
                + " TIMESTAMPTZ '2026-11-19 14:30:00Z', TIMESTAMPTZ '2026-11-19 15:00:00Z')")
        .params(patient, location)
        .update();
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
      browser.open("/appointments?date=2026-11-19&locationId=" + location);
      browser.waitForText(By.id("appointments"), "08:30–09:00");
      assertThat(browser.driver().findElement(By.id("appointments")).getText())
          .contains("office-visit", "booked");
      browser.open("/appointments?date=2026-11-20&locationId=" + location);
      browser.waitForText(By.id("appointments"), "No appointments");
    }
  }

  @Test
  void sign_in_find_a_patient_edit_a_code_map_and_see_the_audit_entries() {
    String lastName = "Zwicky" + JsonApi.unique().replaceAll("[^A-Za-z]", "");
    Patient patient =
        patients.create(
            PatientInput.builder()
                .name("Ada", null, lastName, null)
                .dateOfBirth(LocalDate.of(1961, 4, 2))
                .gender("F")
                .build());
    String code = "CD:" + (900000 + (int) (Math.random() * 99999));

    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

      browser.open("/patients");
      browser.driver().findElement(By.id("lastName")).sendKeys(lastName);
      browser.driver().findElement(By.id("search")).click();
      browser.waitFor(By.linkText(lastName + ", Ada")).click();
      browser.waitForText(By.id("patient-name"), lastName);
      assertThat(browser.driver().getPageSource()).contains("1961-04-02");

      browser.open("/code-maps?kind=gender");
      WebElement add = browser.waitFor(By.id("new-map"));
      add.findElement(By.name("codeSystem")).sendKeys("https://fhir.cerner.com/test/codeSet/57");
      add.findElement(By.name("code")).sendKeys(code);
      add.findElement(By.name("value")).sendKeys("U");
      add.findElement(By.cssSelector("button")).click();
      browser.waitForText(By.id("notice"), "Added the mapping of " + code);

      WebElement row =
          browser.waitFor(By.xpath("//tr[.//input[@name='code' and @value='" + code + "']]"));
      WebElement value = row.findElement(By.cssSelector("input.value"));
      value.clear();
      value.sendKeys("O");
      row.findElement(By.cssSelector("button.save")).click();
      browser.waitForText(By.id("notice"), "Saved the mapping of " + code);

      browser.open("/audit?action=PHI_READ&targetType=patient&targetId=" + patient.id());
      browser.waitForText(By.id("audit"), "console");
      browser.open("/audit?action=MAPPING_CHANGE");
      browser.waitForText(By.id("audit"), code);
      assertThat(browser.driver().findElement(By.id("audit")).getText()).contains("update");
    }
  }
}
