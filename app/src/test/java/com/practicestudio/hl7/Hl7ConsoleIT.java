package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.Browser;
import com.practicestudio.testing.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settings › Integrations › HL7 in the browser: add a listener, try a rule on a pasted message,
 * save it; Error Management shows an HL7 payload parsed.
 */
@Hl7IntegrationTest
class Hl7ConsoleIT {

  @LocalServerPort int port;
  @Autowired UserService users;
  @Autowired Hl7Interfaces interfaces;
  @Autowired InterfaceRegistry registry;
  @Autowired ExchangeJournal journal;
  @Autowired JdbcClient jdbc;

  @Test
  void an_engineer_adds_a_listener_tries_a_rule_and_saves_it() {
    String engineer = TestUsers.create(users, Role.ENGINEER);
    String name = "console-" + Hl7Samples.unique();
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(engineer, TestUsers.PASSWORD);
      browser.open("/hl7");
      browser.waitForText(By.id("interfaces"), "default");
      WebElement form = browser.driver().findElement(By.id("new-listener"));
      form.findElement(By.name("name")).sendKeys(name);
      form.findElement(By.name("port")).sendKeys("0");
      form.findElement(By.cssSelector("button")).click();
      browser.waitForText(By.id("name"), name);
      browser.waitForText(By.id("state"), "listening");

      WebElement rule = browser.driver().findElement(By.id("rule-form"));
      selectByValue(rule.findElement(By.name("kind")), "transform");
      selectByValue(rule.findElement(By.name("action")), "strip-prefix");
      rule.findElement(By.name("targetPath")).sendKeys("PID-3.1");
      rule.findElement(By.name("value")).sendKeys("MRN-");
      rule.findElement(By.name("message"))
          .sendKeys(Hl7Samples.adt("A08", "C1", "MRN-77").replace("\r", "\n"));
      browser.driver().findElement(By.id("try")).click();
      browser.waitForText(By.id("verdict"), "accept");
      browser.waitForText(By.id("decided-by"), "filter #1 (accept)");
      browser.waitForText(By.id("output"), "PID|1||77^^^HOSP^MR");
      browser.waitForText(By.id("steps"), "1 prefix(es) stripped");

      browser.driver().findElement(By.id("add-rule")).click();
      browser.waitForText(By.id("notice"), "Rule added.");
      browser.waitForText(By.id("rules"), "strip-prefix");
    }
    long id = interfaces.findByName(name).orElseThrow().id();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM hl7_rule WHERE interface_id = ? AND action = 'STRIP_PREFIX'")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void error_management_shows_an_hl7_message_parsed_into_fields() throws Exception {
    Hl7Interface itf = new TestInterfaces(interfaces, registry).listener(null, null);
    String id = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(registry.boundPort(itf.name()).orElseThrow())) {
      peer.send(Hl7Samples.adt("A28", id, "M-31337"));
      assertThat(peer.answer(Duration.ofSeconds(10))).contains("MSA|AR|");
    }
    long rowId =
        jdbc.sql("SELECT id FROM exchange WHERE endpoint = ? AND message_id = ?")
            .params(itf.name(), id)
            .query(Long.class)
            .single();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> journal.find(rowId).orElseThrow().status() == ExchangeStatus.FAILED);
    String operator = TestUsers.create(users, Role.OPERATOR);
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(operator, TestUsers.PASSWORD);
      browser.open("/exchanges/" + rowId);
      browser.waitForText(By.id("error-text"), "no filter rule");
      browser.driver().findElement(By.id("show-payload")).click();
      browser.waitForText(By.id("parsed"), "HL7 v2.5.1 ADT^A28");
      browser.waitForText(By.id("parsed"), "PID-3");
      browser.waitForText(By.id("parsed"), "M-31337^^^HOSP^MR");
    }
  }

  private static void selectByValue(WebElement select, String value) {
    new org.openqa.selenium.support.ui.Select(select).selectByValue(value);
  }
}
