package com.practicestudio.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.journal.Channel;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.InboundMessage;
import com.practicestudio.journal.Payload;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.Browser;
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

/** Logs and Error Management in the browser: a failed row is found, inspected and discarded. */
@IntegrationTest
class ConsoleOperationsIT {

  @LocalServerPort int port;
  @Autowired ExchangeJournal journal;
  @Autowired UserService users;
  @Autowired TestRestTemplate http;

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
