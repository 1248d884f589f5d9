package com.practicestudio.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.journal.Channel;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.InboundMessage;
import com.practicestudio.journal.OutboundMessage;
import com.practicestudio.journal.Payload;
import com.practicestudio.journal.Reprocessing;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.Browser;
import com.practicestudio.testing.ConsoleSession;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Logs and Error Management in the browser: a failed row is found, inspected, reprocessed and
 * discarded, alone or in bulk, with what happened to each row reported on the page.
 */
@IntegrationTest
class ConsoleOperationsIT {

  @LocalServerPort int port;
  @Autowired ExchangeJournal journal;
  @Autowired UserService users;
  @Autowired TestRestTemplate http;
  @Autowired Reprocessing reprocessing;
  @Autowired JdbcClient jdbc;

  @Test
  void an_operator_finds_a_failed_message_reads_it_and_discards_it() {
    String type = "ZZT^" + JsonApi.unique().replaceAll("[^A-Za-z0-9]", "").substring(0, 6);
    long id = failedRow(type, "MSH|^~\\&|LAB|HOSP\rPID|1||12345^^^HOSP^MR");
    String operator = TestUsers.create(users, Role.OPERATOR);

    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(operator, TestUsers.PASSWORD);
      browser.open("/errors?type=" + type);
      browser.waitForText(By.id("errors"), "JOURNAL-001");
      browser.driver().findElement(By.linkText(Long.toString(id))).click();
      browser.waitForText(By.id("status"), "FAILED");

      browser.driver().findElement(By.id("show-payload")).click();
      browser.waitForText(By.id("payload"), "PID|1||12345");

      browser.driver().findElement(By.id("discard")).click();
      browser.waitForText(By.cssSelector("p.error"), "reason is required");
      browser.driver().findElement(By.id("discard-reason")).sendKeys("test message from a vendor");
      browser.driver().findElement(By.id("discard")).click();
      browser.waitForText(By.id("status"), "DISCARDED");

      browser.open("/logs?type=" + type);
      browser.waitForText(By.id("journal"), "DISCARDED");
    }
  }

  @Test
  void a_viewer_sees_the_row_but_not_the_message() {
    String type = "ZZV^" + JsonApi.unique().replaceAll("[^A-Za-z0-9]", "").substring(0, 6);
    long id = failedRow(type, "MSH|^~\\&|LAB|HOSP\rPID|1||99999^^^HOSP^MR");
    String viewer = TestUsers.create(users, Role.VIEWER);
    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(viewer, TestUsers.PASSWORD);
      browser.open("/exchanges/" + id + "?showPayload=true");
      browser.waitForText(By.id("status"), "FAILED");
      assertThat(browser.driver().getPageSource())
          .contains("may not read message contents")
          .doesNotContain("99999")
          .doesNotContain("id=\"reprocess\"");
    }
  }

  @Test
  void logs_export_as_csv_without_payloads() {
    String type = "ZZC^" + JsonApi.unique().replaceAll("[^A-Za-z0-9]", "").substring(0, 6);
    long id = failedRow(type, "MSH|^~\\&|LAB|HOSP\rPID|1||77777^^^HOSP^MR");
    ResponseEntity<String> csv =
        http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
            .getForEntity("/logs/export?type=" + type, String.class);
    assertThat(csv.getStatusCode().value()).isEqualTo(200);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody().lines()).hasSize(2);
    assertThat(csv.getBody()).startsWith("id,receivedAt,channel").contains(Long.toString(id));
    assertThat(csv.getBody()).doesNotContain("77777");
  }

  @Test
  void bulk_reprocess_puts_back_the_rows_that_qualify_and_reports_the_one_discarded_meanwhile() {
    String type = uniqueType("ZZR");
    long first = failedRow(type, "MSH|^~\\&|LAB|HOSP\rPID|1||1^^^HOSP^MR");
    long gone = failedRow(type, "MSH|^~\\&|LAB|HOSP\rPID|1||2^^^HOSP^MR");
    long second = failedRow(type, "MSH|^~\\&|LAB|HOSP\rPID|1||3^^^HOSP^MR");
    String operator = TestUsers.create(users, Role.OPERATOR);

    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(operator, TestUsers.PASSWORD);
      browser.open("/errors?type=" + type);
      select(browser, first, gone, second);
      reprocessing.discard(gone, "handled by another operator");
      browser.driver().findElement(By.id("reprocess-selected")).click();

      browser.waitForText(By.id("notice"), "2 put back in line, 1 refused.");
      browser.waitForText(By.id("outcome-" + first), "done");
      browser.waitForText(By.id("outcome-" + second), "put back in line");
      browser.waitForText(By.id("outcome-" + gone), "refused");
      browser.waitForText(By.id("outcome-" + gone), "status DISCARDED cannot be reprocessed");
    }
    assertThat(audits("REPROCESS", first, operator)).isEqualTo(1);
    assertThat(audits("REPROCESS", second, operator)).isEqualTo(1);
    assertThat(audits("REPROCESS", gone, operator)).isZero();
    assertThat(journal.find(gone).orElseThrow().status()).isEqualTo(ExchangeStatus.DISCARDED);
  }

  @Test
  void bulk_discard_needs_a_reason_and_reports_each_row_without_failing_on_one_that_cannot_go() {
    String type = uniqueType("ZZD");
    long first = failedRow(type, "MSH|^~\\&|LAB|HOSP\rPID|1||4^^^HOSP^MR");
    long gone = failedRow(type, "MSH|^~\\&|LAB|HOSP\rPID|1||5^^^HOSP^MR");
    long second = failedRow(type, "MSH|^~\\&|LAB|HOSP\rPID|1||6^^^HOSP^MR");
    String operator = TestUsers.create(users, Role.OPERATOR);

    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(operator, TestUsers.PASSWORD);
      browser.open("/errors?type=" + type);
      select(browser, first, gone, second);
      browser.driver().findElement(By.id("discard-selected")).click();
      browser.waitForText(By.id("error"), "Nothing discarded: reason is required.");
      assertThat(journal.find(first).orElseThrow().status()).isEqualTo(ExchangeStatus.FAILED);

      select(browser, first, gone, second);
      reprocessing.discard(gone, "handled by another operator");
      browser.driver().findElement(By.id("discard-reason")).sendKeys("duplicate feed");
      browser.driver().findElement(By.id("discard-selected")).click();

      browser.waitForText(By.id("notice"), "2 discarded, 1 refused.");
      browser.waitForText(By.id("outcome-" + first), "discarded");
      browser.waitForText(By.id("outcome-" + second), "discarded");
      browser.waitForText(By.id("outcome-" + gone), "refused");
      browser.waitForText(By.id("outcome-" + gone), "exchange " + gone + " is DISCARDED");
    }
    assertThat(journal.find(first).orElseThrow().status()).isEqualTo(ExchangeStatus.DISCARDED);
    assertThat(journal.find(second).orElseThrow().status()).isEqualTo(ExchangeStatus.DISCARDED);
    assertThat(audits("DISCARD", first, operator)).isEqualTo(1);
    assertThat(audits("DISCARD", second, operator)).isEqualTo(1);
    assertThat(audits("DISCARD", gone, operator)).isZero();
  }

  @Test
  void
      a_row_is_reprocessed_from_its_page_and_a_stale_page_says_why_it_cannot_be_again_or_discarded() {
    String type = uniqueType("ZZO");
    long id = failedRow(type, "MSH|^~\\&|LAB|HOSP\rPID|1||7^^^HOSP^MR");
    String operator = TestUsers.create(users, Role.OPERATOR);

    try (Browser browser = new Browser("http://localhost:" + port)) {
      browser.signIn(operator, TestUsers.PASSWORD);
      browser.open("/exchanges/" + id);
      browser.waitForText(By.id("status"), "FAILED");
      browser.driver().findElement(By.id("reprocess")).click();
      browser.waitForText(By.id("notice"), "Put back in line");
      assertThat(audits("REPROCESS", id, operator)).isEqualTo(1);
      assertThat(journal.events(id)).anyMatch(e -> "REQUEUED".equals(e.kind()));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> journal.find(id).orElseThrow().status() == ExchangeStatus.FAILED);
      reprocessing.discard(id, "handled by another operator");
      browser.driver().findElement(By.id("reprocess")).click();
      browser.waitForText(By.id("error"), "Not reprocessed: exchange " + id + " is DISCARDED");

      browser.driver().findElement(By.id("discard-reason")).sendKeys("again");
      browser.driver().findElement(By.id("discard")).click();
      browser.waitForText(By.id("error"), "Not discarded: exchange " + id + " is DISCARDED");
    }
    assertThat(audits("REPROCESS", id, operator)).isEqualTo(1);
  }

  @Test
  void a_failed_outbound_message_says_what_it_holds_and_the_held_one_says_behind_what() {
    String key = "patient:" + JsonApi.unique();
    long first = outbound(uniqueType("ZZO"), key);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> journal.find(first).orElseThrow().status() == ExchangeStatus.FAILED);
    long second = outbound(uniqueType("ZZO"), key);
    ConsoleSession operator =
        ConsoleSession.signIn(port, TestUsers.create(users, Role.OPERATOR), TestUsers.PASSWORD);

    assertThat(operator.get("/exchanges/" + first).body())
        .contains("id=\"holding\"")
        .contains("<strong>1</strong> later message(s)");
    assertThat(operator.get("/exchanges/" + second).body())
        .contains("id=\"held-by\"")
        .contains("/exchanges/" + first + "\"");
    assertThat(journal.find(second).orElseThrow().status()).isEqualTo(ExchangeStatus.PENDING);

    reprocessing.discard(first, "sent by hand instead");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> journal.find(second).orElseThrow().attempts() > 0);
    assertThat(operator.get("/exchanges/" + first).body()).doesNotContain("id=\"holding\"");
  }

  private long outbound(String type, String key) {
    return journal.recordOutbound(
        OutboundMessage.of(
                Channel.CCL, type, "practice-studio", Payload.text("SELECT 1", "text/plain"))
            .withCorrelationKey(key));
  }

  private static void select(Browser browser, long... ids) {
    browser.waitFor(By.id("errors"));
    for (long id : ids) {
      browser
          .driver()
          .findElement(By.cssSelector("#errors input[name='id'][value='" + id + "']"))
          .click();
    }
  }

  private long audits(String action, long exchangeId, String actor) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = ? AND target_type = 'exchange'"
                + " AND target_id = ? AND actor = ?")
        .params(action, Long.toString(exchangeId), actor)
        .query(Long.class)
        .single();
  }

  private static String uniqueType(String prefix) {
    return prefix + "^" + JsonApi.unique().replaceAll("[^A-Za-z0-9]", "").substring(0, 6);
  }

  private long failedRow(String type, String body) {
    long id =
        journal
            .recordInbound(
                InboundMessage.of(
                    Channel.CCL,
                    type,
                    "TESTSENDER",
                    JsonApi.unique(),
                    Payload.text(body, "x-application/hl7-v2+er7")))
            .id();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> journal.find(id).orElseThrow().status() == ExchangeStatus.FAILED);
    return id;
  }
}
