package com.practicestudio.cerner;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.Browser;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Settings › Integrations › Cerner and the Connectivity Test page in a real browser: create a
 * domain with the form, generate a key, discover, run the test.
 */
@IntegrationTest
class CernerConsoleIT {

  @LocalServerPort int port;
  @Autowired CernerDomains domains;
  @Autowired UserService users;

  @BeforeEach
  void quiet() {
    SandboxDomains.quietSandboxLogs();
  }

  @Test
  void an_engineer_creates_a_domain_in_the_console_and_runs_the_connectivity_test() {
    String engineer = TestUsers.create(users, Role.ENGINEER);
    String name = SandboxDomains.uniqueName("console");
    try (CernerSandbox sandbox = SandboxDomains.start();
        Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(engineer, TestUsers.PASSWORD);
      browser.open("/settings/cerner");
      browser.waitFor(By.id("new-domain")).click();
      WebDriver page = browser.driver();
      browser.waitFor(By.id("name")).sendKeys(name);
      page.findElement(By.id("fhirRoot")).sendKeys(sandbox.urls().fhirRoot());
      page.findElement(By.id("clientId")).sendKeys(sandbox.systemClientId());
      page.findElement(By.id("clientSecret")).sendKeys(sandbox.systemClientSecret());
      page.findElement(By.id("scopes")).sendKeys(String.join(" ", SandboxDomains.SYSTEM_SCOPES));
      page.findElement(By.id("smartScopes")).clear();
      new Select(page.findElement(By.id("millenniumVersion"))).selectByValue("2018");
      page.findElement(By.id("save")).click();

      browser.waitForText(By.id("notice"), "Created " + name);
      CernerDomain domain = domains.findByName(name).orElseThrow();
      assertThat(domain.clientSecretSet()).isTrue();
      assertThat(domain.discovery().ok()).isTrue();
      assertThat(page.findElement(By.id("redirect-uri")).getText()).endsWith("/smart/callback");
      assertThat(page.findElement(By.id("clientSecret")).getAttribute("value")).isEmpty();
      assertThat(page.getPageSource()).doesNotContain(sandbox.systemClientSecret());
      assertThat(page.findElement(By.id("features")).getText())
          .contains("fhir-last-updated-search not in this version off");

      page.findElement(By.id("generate-key")).click();
      browser.waitForText(By.id("notice"), "Generated key");
      assertThat(page.findElement(By.id("public-jwks")).getText()).contains("\"kty\"", "RSA");

      page.findElement(By.id("discover")).click();
      browser.waitForText(By.id("notice"), "Discovered the endpoints of " + name);

      page.findElement(By.id("connectivity-link")).click();
      browser.waitFor(By.id("run")).click();
      browser.waitForText(By.id("verdict"), "All steps passed for " + name);
      assertThat(page.findElement(By.id("step-tls")).getText()).contains("plain HTTP");
    }
  }

  @Test
  void a_bad_field_is_named_and_the_form_keeps_what_was_typed_but_not_the_secret() {
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
      browser.open("/settings/cerner/new");
      WebDriver page = browser.driver();
      browser.waitFor(By.id("name")).sendKeys("typed-name");
      page.findElement(By.id("fhirRoot")).sendKeys("not a url");
      page.findElement(By.id("clientSecret")).sendKeys("typed-secret");
      page.findElement(By.id("save")).click();

      browser.waitForText(By.id("problems"), "fhirRoot");
      assertThat(page.findElement(By.id("name")).getAttribute("value")).isEqualTo("typed-name");
      assertThat(page.findElement(By.id("clientSecret")).getAttribute("value")).isEmpty();
      assertThat(page.getPageSource()).doesNotContain("typed-secret");
    }
  }

  @Test
  void a_viewer_sees_the_domain_list_but_no_edit_controls() {
    String viewer = TestUsers.create(users, Role.VIEWER);
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(viewer, TestUsers.PASSWORD);
      browser.open("/settings/cerner");
      browser.waitFor(By.id("domains"));
      assertThat(browser.driver().findElements(By.id("new-domain"))).isEmpty();
      assertThat(browser.driver().getPageSource()).doesNotContain("Connectivity test");
    }
  }
}
