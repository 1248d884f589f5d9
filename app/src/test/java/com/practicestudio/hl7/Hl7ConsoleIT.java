package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.Browser;
import com.practicestudio.testing.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settings › Integrations › HL7 in the browser: add a listener, try a rule on a pasted message,
 * save it; change, move and switch off saved rules (each change tried first, saved audited); switch
 * a sender's host name check; Error Management shows an HL7 payload parsed.
 */
@Hl7IntegrationTest
class Hl7ConsoleIT {

  @LocalServerPort int port;
  @Autowired UserService users;
  @Autowired Hl7Interfaces interfaces;
  @Autowired Hl7Rules rules;
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

  @Test
  void an_engineer_changes_a_saved_rule_tries_the_change_first_then_saves_and_switches_it_off() {
    Hl7Interface itf = new TestInterfaces(interfaces, registry).listener(null, null);
    long ruleId =
        rules
            .create(
                itf.id(),
                new RuleInput(
                    "transform",
                    null,
                    "strip-prefix",
                    true,
                    null,
                    null,
                    "PID-3.1",
                    null,
                    "MRN-",
                    null,
                    null,
                    null))
            .id();
    String engineer = TestUsers.create(users, Role.ENGINEER);
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(engineer, TestUsers.PASSWORD);
      browser.open("/hl7/" + itf.id());
      row(browser, ruleId).findElement(By.className("edit")).click();
      browser.waitForText(By.id("rule-form-title"), "Change transform #1 (strip-prefix)");
      WebElement form = browser.driver().findElement(By.id("rule-form"));
      assertThat(form.findElement(By.name("targetPath")).getAttribute("value"))
          .isEqualTo("PID-3.1");
      assertThat(form.findElement(By.name("value")).getAttribute("value")).isEqualTo("MRN-");
      assertThat(form.findElement(By.name("enabled")).isSelected()).isTrue();

      form.findElement(By.name("value")).clear();
      form.findElement(By.name("value")).sendKeys("MRN-0");
      form.findElement(By.name("message"))
          .sendKeys(Hl7Samples.adt("A08", "C2", "MRN-077").replace("\r", "\n"));
      browser.driver().findElement(By.id("try")).click();
      browser.waitForText(By.id("output"), "PID|1||77^^^HOSP^MR");
      browser.waitForText(By.id("steps"), "1 prefix(es) stripped");
      browser.waitForText(By.id("rule-form-title"), "Change transform #1");
      assertThat(rules.get(itf.id(), ruleId).value()).as("trying saves nothing").isEqualTo("MRN-");

      browser.driver().findElement(By.id("save-rule")).click();
      browser.waitForText(By.id("notice"), "Rule saved.");
      Hl7Rule saved = rules.get(itf.id(), ruleId);
      assertThat(saved.value()).isEqualTo("MRN-0");
      assertThat(saved.version()).isEqualTo(2);

      row(browser, ruleId).findElement(By.className("edit")).click();
      browser.waitForText(By.id("rule-form-title"), "Change transform #1");
      browser.driver().findElement(By.id("rule-form")).findElement(By.name("enabled")).click();
      browser.driver().findElement(By.id("save-rule")).click();
      browser.waitForText(By.id("notice"), "Rule saved.");
      browser.waitForText(By.cssSelector("#rule-" + ruleId + " .switch-state"), "off");
    }
    assertThat(rules.get(itf.id(), ruleId).enabled()).as("unticked means off").isFalse();
    assertThat(audits(ruleId, engineer, "update")).isEqualTo(2);
  }

  @Test
  void an_engineer_moves_a_rule_and_switches_one_off_and_a_stale_page_changes_nothing() {
    Hl7Interface itf = new TestInterfaces(interfaces, registry).listener(null, null);
    Hl7Rule adt = rules.list(itf.id()).get(0); // filter #1 accepts ADT
    Hl7Rule siu = rules.list(itf.id()).get(1); // filter #2 accepts SIU
    String engineer = TestUsers.create(users, Role.ENGINEER);
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(engineer, TestUsers.PASSWORD);
      browser.open("/hl7/" + itf.id());
      assertThat(row(browser, adt.id()).findElements(By.className("up"))).isEmpty();
      row(browser, siu.id()).findElement(By.className("up")).click();
      browser.waitForText(By.id("notice"), "Rule moved.");
      assertThat(rules.get(itf.id(), siu.id()).position()).isEqualTo(1);
      assertThat(rules.get(itf.id(), adt.id()).position()).isEqualTo(2);

      row(browser, adt.id()).findElement(By.className("switch")).click();
      browser.waitForText(By.id("notice"), "Rule switched off.");
      browser.waitForText(By.cssSelector("#rule-" + adt.id() + " .switch-state"), "off");
      assertThat(rules.get(itf.id(), adt.id()).enabled()).isFalse();

      // the saved rules now refuse ADT: no rule accepts it
      browser
          .driver()
          .findElement(By.id("pasted"))
          .sendKeys(Hl7Samples.adt("A08", "C3", "MRN-1").replace("\r", "\n"));
      browser.driver().findElement(By.id("try-saved")).click();
      browser.waitForText(By.id("verdict"), "reject");
      browser.waitForText(By.id("trial"), "HL7-050");

      // someone switches it back on behind this page; the page's "Switch on" is now stale
      Hl7Rule now = rules.get(itf.id(), adt.id());
      rules.update(itf.id(), adt.id(), ConsoleForms.saved(now, now.position(), true), null);
      row(browser, adt.id()).findElement(By.className("switch")).click();
      browser.waitForText(By.id("error"), "the rule changed meanwhile");
    }
    Hl7Rule after = rules.get(itf.id(), adt.id());
    assertThat(after.enabled()).isTrue();
    // shifted by the move, switched off here, switched on behind the page
    assertThat(after.version()).isEqualTo(4);
    assertThat(audits(siu.id(), engineer, "update")).isEqualTo(1);
    assertThat(audits(adt.id(), engineer, "update")).isEqualTo(1);
  }

  @Test
  void a_stale_page_cannot_move_a_rule_that_another_move_shifted() {
    Hl7Interface itf = new TestInterfaces(interfaces, registry).listener(null, null);
    Hl7Rule first = rules.list(itf.id()).get(0);
    Hl7Rule third = rules.list(itf.id()).get(2);
    String engineer = TestUsers.create(users, Role.ENGINEER);
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(engineer, TestUsers.PASSWORD);
      browser.open("/hl7/" + itf.id());
      row(browser, first.id()).findElement(By.className("down"));

      // behind this page, #3 moves to the top and shifts #1 to #2
      rules.update(itf.id(), third.id(), ConsoleForms.saved(third, 1, true), third.version());
      assertThat(rules.get(itf.id(), first.id()).version()).isEqualTo(first.version() + 1);

      // this page still shows the old #1 with its old version: its "move down" is refused
      row(browser, first.id()).findElement(By.className("down")).click();
      browser.waitForText(By.id("error"), "the rule changed meanwhile");
    }
    assertThat(rules.get(itf.id(), first.id()).position()).isEqualTo(2);
    assertThat(rules.get(itf.id(), third.id()).position()).isEqualTo(1);
  }

  @Test
  void a_set_rule_sends_hl7s_explicit_null_and_its_edit_form_keeps_it() {
    Hl7Interface itf = new TestInterfaces(interfaces, registry).listener(null, null);
    String engineer = TestUsers.create(users, Role.ENGINEER);
    String message = Hl7Samples.adt("A08", "C4", "MRN-5").replace("\r", "\n");
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(engineer, TestUsers.PASSWORD);
      browser.open("/hl7/" + itf.id());
      WebElement form = browser.driver().findElement(By.id("rule-form"));
      selectByValue(form.findElement(By.name("kind")), "transform");
      selectByValue(form.findElement(By.name("action")), "set");
      form.findElement(By.name("targetPath")).sendKeys("PID-19");
      form.findElement(By.name("hl7Null")).click();
      form.findElement(By.name("message")).sendKeys(message);
      browser.driver().findElement(By.id("try")).click();
      browser.waitForText(By.id("steps"), "set PID-19");
      // the sample's PID ends at PID-8 (F); PID-9 … PID-18 stay empty, PID-19 is the null
      assertThat(browser.driver().findElement(By.id("output")).getText())
          .contains("|F" + "|".repeat(11) + "\"\"");
      browser.driver().findElement(By.id("add-rule")).click();
      browser.waitForText(By.id("notice"), "Rule added.");
    }
    Hl7Rule saved =
        rules.list(itf.id()).stream()
            .filter(r -> r.action() == RuleAction.SET)
            .findFirst()
            .orElseThrow();
    assertThat(saved.value()).isEqualTo("\"\"");

    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(engineer, TestUsers.PASSWORD);
      browser.open("/hl7/" + itf.id() + "/rules/" + saved.id());
      WebElement form = browser.waitFor(By.id("rule-form"));
      assertThat(form.findElement(By.name("hl7Null")).isSelected()).isTrue();
      assertThat(form.findElement(By.name("value")).getAttribute("value")).isEmpty();
      form.findElement(By.name("description")).sendKeys("tell the receiver to clear the SSN");
      browser.driver().findElement(By.id("save-rule")).click();
      browser.waitForText(By.id("notice"), "Rule saved.");
    }
    Hl7Rule edited = rules.get(itf.id(), saved.id());
    assertThat(edited.value()).as("the edit kept the explicit null").isEqualTo("\"\"");
    assertThat(edited.description()).isEqualTo("tell the receiver to clear the SSN");
    assertThat(edited.version()).isEqualTo(2);
  }

  @Test
  void a_set_rule_with_an_empty_value_saved_through_the_api_is_edited_and_kept_empty() {
    Hl7Interface itf = new TestInterfaces(interfaces, registry).listener(null, null);
    Hl7Rule saved =
        rules.create(
            itf.id(),
            new RuleInput(
                "transform", null, "set", true, null, null, "PID-19", null, "", null, null, null));
    String engineer = TestUsers.create(users, Role.ENGINEER);
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(engineer, TestUsers.PASSWORD);
      browser.open("/hl7/" + itf.id() + "/rules/" + saved.id());
      WebElement form = browser.waitFor(By.id("rule-form"));
      assertThat(form.findElement(By.name("emptyValue")).isSelected()).isTrue();
      assertThat(form.findElement(By.name("hl7Null")).isSelected()).isFalse();
      assertThat(form.findElement(By.name("value")).getAttribute("value")).isEmpty();
      form.findElement(By.name("description")).sendKeys("blank the SSN");
      form.findElement(By.name("message"))
          .sendKeys(Hl7Samples.adt("A08", "C5", "MRN-6").replace("\r", "\n"));
      browser.driver().findElement(By.id("try")).click();
      browser.waitForText(By.id("steps"), "set PID-19");
      assertThat(browser.driver().findElement(By.id("output")).getText())
          .as("blanked, not the explicit null")
          .doesNotContain("\"\"");
      browser.driver().findElement(By.id("save-rule")).click();
      browser.waitForText(By.id("notice"), "Rule saved.");
    }
    Hl7Rule edited = rules.get(itf.id(), saved.id());
    assertThat(edited.value()).as("the edit kept the empty value").isEmpty();
    assertThat(edited.description()).isEqualTo("blank the SSN");
    assertThat(edited.version()).isEqualTo(2);
  }

  @Test
  void a_copy_rule_saved_without_a_source_is_flagged_invalid_on_the_interface_page() {
    Hl7Interface itf = new TestInterfaces(interfaces, registry).listener(null, null);
    long legacy =
        jdbc.sql(
                "INSERT INTO hl7_rule (interface_id, kind, position, action, target_path,"
                    + " created_at, updated_at) VALUES (?, 'TRANSFORM', 1, 'COPY', 'PID-19',"
                    + " now(), now()) RETURNING id")
            .param(itf.id())
            .query(Long.class)
            .single();
    String engineer = TestUsers.create(users, Role.ENGINEER);
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(engineer, TestUsers.PASSWORD);
      browser.open("/hl7/" + itf.id());
      assertThat(row(browser, legacy).findElement(By.className("rule-invalid")).getText())
          .isEqualTo("invalid: needs a source field");
      assertThat(browser.driver().findElements(By.cssSelector("#rules .rule-invalid")))
          .as("only that rule")
          .hasSize(1);
    }
  }

  @Test
  void an_engineer_switches_a_senders_host_name_check_off_and_on_again() throws Exception {
    Path keystore = Files.createTempFile("ks", ".p12");
    Hl7Interface sender =
        interfaces.create(
            new InterfaceInput(
                "s-" + Hl7Samples.unique(),
                "sender",
                true,
                null,
                new InterfaceInput.Sender(
                    "127.0.0.1",
                    2576,
                    new InterfaceInput.Tls(true, keystore.toString(), null, null, true),
                    null,
                    null,
                    null,
                    List.of("SIU")),
                null));
    String engineer = TestUsers.create(users, Role.ENGINEER);
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(engineer, TestUsers.PASSWORD);
      browser.open("/hl7/" + sender.id());
      WebElement verify = browser.driver().findElement(By.name("verifyHostname"));
      assertThat(verify.isSelected()).isTrue();
      verify.click();
      browser.driver().findElement(By.id("save")).click();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> !interfaces.get(sender.id()).sender().tls().verifyHostname());

      browser.open("/hl7/" + sender.id());
      verify = browser.driver().findElement(By.name("verifyHostname"));
      assertThat(verify.isSelected()).isFalse();
      verify.click();
      browser.driver().findElement(By.id("save")).click();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> interfaces.get(sender.id()).sender().tls().verifyHostname());
      assertThat(interfaces.get(sender.id()).sender().tls().enabled()).isTrue();
    } finally {
      interfaces.delete(sender.id());
      Files.deleteIfExists(keystore);
    }
  }

  private static WebElement row(Browser browser, long ruleId) {
    return browser.waitFor(By.id("rule-" + ruleId));
  }

  private long audits(long ruleId, String actor, String operation) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = 'MAPPING_CHANGE'"
                + " AND target_type = 'hl7_rule' AND target_id = ? AND actor = ?"
                + " AND detail ->> 'operation' = ?")
        .params(Long.toString(ruleId), actor, operation)
        .query(Long.class)
        .single();
  }

  private static void selectByValue(WebElement select, String value) {
    new org.openqa.selenium.support.ui.Select(select).selectByValue(value);
  }
}
