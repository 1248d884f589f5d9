package com.practicestudio.fhir;

import static com.practicestudio.fhir.SandboxDomainConfig.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.sandbox.data.DocumentRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.testing.Browser;
import com.practicestudio.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console walk: search Cerner, preview the differences, import, pull results and documents. */
@SandboxDomainTest
class CernerConsoleIT {

  @LocalServerPort int port;

  @Test
  void search_preview_import_and_pull_in_the_console() {
    DocumentRecord document =
        SANDBOX.data().documents().stream()
            .filter(d -> SANDBOX.data().patient(d.patientId()).orElseThrow().active())
            .skip(40)
            .findFirst()
            .orElseThrow();
    PatientRecord record = SANDBOX.data().patient(document.patientId()).orElseThrow();

    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
      browser.open("/cerner/patients");
      browser.driver().findElement(By.id("family")).sendKeys(record.name().family());
      browser.driver().findElement(By.id("search")).click();
      browser.waitForText(By.id("cerner-patients"), Long.toString(record.personId()));

      browser.open("/cerner/patients/" + SandboxDomainConfig.DOMAIN + "/" + record.personId());
      browser.waitForText(By.id("changes"), "lastName");
      assertThat(browser.driver().findElement(By.id("changes")).getText())
          .contains(record.name().family(), record.mrn());
      browser.driver().findElement(By.id("import")).click();
      browser.waitForText(By.id("notice"), "Imported");

      browser.driver().findElement(By.id("pull")).click();
      browser.waitForText(By.id("notice"), "results and documents received");
      assertThat(browser.driver().findElement(By.id("notice")).getText()).doesNotStartWith("0 ");
    }
  }
}
