package com.practicestudio.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.testing.Browser;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ConsoleSignInIT {

  @LocalServerPort int port;

  @Test
  void an_admin_signs_in_creates_a_token_and_sees_it_in_the_audit_trail() {
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.open("/");
      assertThat(browser.driver().getCurrentUrl()).endsWith("/login");

      browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
      assertThat(browser.driver().findElement(By.cssSelector("nav.side")).getText())
          .contains("Users", "API tokens", "Audit");

      browser.open("/tokens");
      browser.driver().findElement(By.name("name")).sendKeys("browser-test-token");
      browser.driver().findElement(By.cssSelector("form.inline button")).click();
      assertThat(browser.waitFor(By.id("created-token")).getText()).startsWith("pst_");

      browser.open("/audit?action=TOKEN_CREATE");
      browser.waitForText(By.id("audit"), "browser-test-token");
      browser.open("/audit?action=LOGIN&actor=admin");
      browser.waitForText(By.id("audit"), "LOGIN");
    }
  }

  @Test
  void a_wrong_password_keeps_you_out() {
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.open("/login");
      browser.driver().findElement(By.id("username")).sendKeys("admin");
      browser.driver().findElement(By.id("password")).sendKeys("not-the-password");
      browser.driver().findElement(By.id("sign-in")).click();
      assertThat(browser.waitFor(By.cssSelector("p.error")).getText()).contains("Sign-in failed");
    }
  }
}
