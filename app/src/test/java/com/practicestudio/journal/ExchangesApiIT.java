package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.practicestudio.security.Role;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The journal's REST API on the whole server. The rows use message types no handler takes (ADT
 * A14/A15, ORU R30), so the running workers fail every recorded row with JOURNAL-001 — real FAILED
 * rows to work with.
 */
@IntegrationTest
class ExchangesApiIT {

  @Autowired TestRestTemplate http;
  @Autowired UserService users;
  @Autowired AuditLog audit;
  @Autowired ExchangeJournal journal;

  private String sender;
  private final List<Long> ids = new ArrayList<>();

  @BeforeEach
  void failedRowsFromOneSender() {
    sender = "LAB-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      ids.add(
          journal
              .recordInbound(
                  InboundMessage.of(
                          Channel.HL7,
                          i == 2 ? "ORU^R30" : "ADT^A1" + (i + 4),
                          sender,
                          "MSG-" + i,
                          new Payload(
                              ("MSH|^~\\&|" + sender + "|" + i).getBytes(StandardCharsets.UTF_8),
                              "application/hl7-v2"))
                      .withCorrelationKey("MRN:" + sender))
              .id());
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        id -> journal.find(id).orElseThrow().status() == ExchangeStatus.FAILED));
  }

  @Test
  void lists_newest_first_with_filters_and_cursor_paging() {
    Map<?, ?> page1 =
        get(
            TestUsers.ADMIN,
            TestUsers.ADMIN_PASSWORD,
            "/api/v1/exchanges?sender=" + sender + "&limit=2");
    assertThat(idsOf(page1)).containsExactly(ids.get(2), ids.get(1));
    assertThat(page1.get("next")).isNotNull();
    Map<?, ?> page2 =
        get(
            TestUsers.ADMIN,
            TestUsers.ADMIN_PASSWORD,
            "/api/v1/exchanges?sender=" + sender + "&limit=2&cursor=" + page1.get("next"));
    assertThat(idsOf(page2)).containsExactly(ids.get(0));
    assertThat(page2.get("next")).isNull();

    String base = "/api/v1/exchanges?sender=" + sender;
    assertThat(idsOf(admin(base + "&type=ADT^*"))).containsExactly(ids.get(1), ids.get(0));
    assertThat(idsOf(admin(base + "&type=ORU^R30&status=FAILED&channel=HL7&direction=INBOUND")))
        .containsExactly(ids.get(2));
    assertThat(idsOf(admin(base + "&q=MSG-1"))).containsExactly(ids.get(1));
    assertThat(idsOf(admin("/api/v1/exchanges?correlationKey=MRN:" + sender))).hasSize(3);
    assertThat(idsOf(admin(base + "&status=APPLIED"))).isEmpty();
    assertThat(idsOf(admin(base + "&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z"))).isEmpty();

    Map<?, ?> row = (Map<?, ?>) ((List<?>) page2.get("items")).get(0);
    assertThat(row.get("status")).isEqualTo("FAILED");
    assertThat(row.get("errorCode")).isEqualTo("JOURNAL-001");
    assertThat(row.get("messageType")).isEqualTo("ADT^A14");
    assertThat((String) row.get("receivedAt")).endsWith("Z");
  }

  @Test
  void bad_filters_are_answered_400_naming_the_field() {
    ResponseEntity<String> channel =
        http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
            .getForEntity("/api/v1/exchanges?channel=SMTP", String.class);
    assertThat(channel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(channel.getBody()).contains("\"field\":\"channel\"");
    ResponseEntity<String> stats =
        http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
            .getForEntity(
                "/api/v1/exchanges/stats?from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z",
                String.class);
    assertThat(stats.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(stats.getBody()).contains("\"field\":\"from\"");
  }

  @Test
  void a_viewer_sees_metadata_but_no_payload_and_may_not_reprocess_or_discard() {
    String viewer = TestUsers.create(users, Role.VIEWER);
    long id = ids.get(0);
    Map<?, ?> row = get(viewer, TestUsers.PASSWORD, "/api/v1/exchanges/" + id);
    assertThat(row.get("id")).isEqualTo((int) id);
    assertThat(row.get("sender")).isEqualTo(sender);
    assertThat(row.containsKey("payload")).isFalse();

    assertThat(post(viewer, "/api/v1/exchanges/" + id + "/reprocess", "{}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(viewer, "/api/v1/exchanges/" + id + "/discard", "{\"reason\":\"x\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(viewer, "/api/v1/exchanges/reprocess", "{\"ids\":[" + id + "]}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void an_operator_reads_the_payload_and_the_read_is_audited() {
    String operator = TestUsers.create(users, Role.OPERATOR);
    long id = ids.get(1);
    Map<?, ?> row = get(operator, TestUsers.PASSWORD, "/api/v1/exchanges/" + id);
    Map<?, ?> payload = (Map<?, ?>) row.get("payload");
    assertThat(payload.get("encoding")).isEqualTo("text");
    assertThat(payload.get("data")).isEqualTo("MSH|^~\\&|" + sender + "|1");
    assertThat(payload.get("contentType")).isEqualTo("application/hl7-v2");

    var reads =
        audit.search(
            new AuditLog.AuditQuery(
                operator, AuditAction.PHI_READ, "exchange", Long.toString(id), null, null),
            10,
            null);
    assertThat(reads.items()).hasSize(1);
    assertThat(reads.items().get(0).detail()).containsEntry("via", "api");

    Map<?, ?> events = get(operator, TestUsers.PASSWORD, "/api/v1/exchanges/" + id + "/events");
    assertThat((List<?>) events.get("items"))
        .extracting(e -> (Object) ((Map<?, ?>) e).get("kind"))
        .containsExactly("FAILED");
  }

  @Test
  void the_payload_comes_parsed_beside_its_raw_text_in_one_audited_read() {
    String operator = TestUsers.create(users, Role.OPERATOR);
    String hl7 =
        "MSH|^~\\&|LAB|HOSP|PS|CLINIC|20261125103000||ADT^A14^ADT_A05|P-1|P|2.5.1\r"
            + "PID|1||MRN-1^^^HOSP^MR||DOE^JANE\r";
    long id =
        journal
            .recordInbound(
                InboundMessage.of(
                    Channel.HL7,
                    "ADT^A14",
                    sender,
                    "P-1",
                    new Payload(hl7.getBytes(StandardCharsets.UTF_8), "application/hl7-v2")))
            .id();

    Map<?, ?> payload =
        (Map<?, ?>) get(operator, TestUsers.PASSWORD, "/api/v1/exchanges/" + id).get("payload");

    assertThat(payload.get("data")).isEqualTo(hl7);
    Map<?, ?> parsed = (Map<?, ?>) payload.get("parsed");
    assertThat(parsed.get("title")).isEqualTo("HL7 v2.5.1 ADT^A14");
    assertThat(parsed.get("columns")).isEqualTo(List.of("Segment", "Field", "Value"));
    assertThat((List<Object>) parsed.get("rows"))
        .contains(List.of("MSH", "MSH-10", "P-1"), List.of("PID", "PID-5", "DOE^JANE"));
    assertThat(
            audit
                .search(
                    new AuditLog.AuditQuery(
                        operator, AuditAction.PHI_READ, "exchange", Long.toString(id), null, null),
                    10,
                    null)
                .items())
        .hasSize(1);

    String viewer = TestUsers.create(users, Role.VIEWER);
    assertThat(get(viewer, TestUsers.PASSWORD, "/api/v1/exchanges/" + id).containsKey("payload"))
        .isFalse();
  }

  @Test
  void discard_requires_a_reason_and_is_audited() {
    String operator = TestUsers.create(users, Role.OPERATOR);
    long id = ids.get(0);
    for (String body : new String[] {null, "{}", "{\"reason\":\"  \"}"}) {
      ResponseEntity<String> refused = post(operator, "/api/v1/exchanges/" + id + "/discard", body);
      assertThat(refused.getStatusCode()).as("body %s", body).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("\"field\":\"reason\"");
    }
    ResponseEntity<Map> done =
        http.withBasicAuth(operator, TestUsers.PASSWORD)
            .exchange(
                "/api/v1/exchanges/" + id + "/discard",
                HttpMethod.POST,
                json("{\"reason\":\"test data\"}"),
                Map.class);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody().get("status")).isEqualTo("DISCARDED");
    assertThat(
            post(operator, "/api/v1/exchanges/" + id + "/discard", "{\"reason\":\"again\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            audit
                .search(
                    new AuditLog.AuditQuery(
                        operator, AuditAction.DISCARD, "exchange", Long.toString(id), null, null),
                    10,
                    null)
                .items())
        .hasSize(1);
  }

  @Test
  void reprocess_as_a_dry_run_changes_nothing_and_for_real_requeues() {
    String operator = TestUsers.create(users, Role.OPERATOR);
    long id = ids.get(2);
    Exchange before = journal.find(id).orElseThrow();

    ResponseEntity<Map> dry =
        http.withBasicAuth(operator, TestUsers.PASSWORD)
            .exchange(
                "/api/v1/exchanges/" + id + "/reprocess",
                HttpMethod.POST,
                json("{\"dryRun\":true}"),
                Map.class);
    assertThat(dry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(dry.getBody().get("outcome")).isEqualTo("FAILED");
    assertThat(dry.getBody().get("errorCode")).isEqualTo("JOURNAL-001");
    assertThat(journal.find(id).orElseThrow()).isEqualTo(before);

    ResponseEntity<Map> real =
        http.withBasicAuth(operator, TestUsers.PASSWORD)
            .exchange("/api/v1/exchanges/" + id + "/reprocess", HttpMethod.POST, null, Map.class);
    assertThat(real.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(real.getBody().get("status")).isEqualTo("RECEIVED");
    assertThat(real.getBody().get("attempts")).isEqualTo(0);

    ResponseEntity<Map> bulk =
        http.withBasicAuth(operator, TestUsers.PASSWORD)
            .exchange(
                "/api/v1/exchanges/reprocess",
                HttpMethod.POST,
                json(
                    "{\"filter\":{\"sender\":\""
                        + sender
                        + "\",\"type\":\"ADT^*\"},\"dryRun\":true}"),
                Map.class);
    assertThat(bulk.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<?>) bulk.getBody().get("dryRuns")).hasSize(2);

    ResponseEntity<String> empty = post(operator, "/api/v1/exchanges/reprocess", "{}");
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody()).contains("\"field\":\"ids\"");
    assertThat(post(operator, "/api/v1/exchanges/424242424/reprocess", "{}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void stats_count_rows_by_channel_direction_and_status() {
    Map<?, ?> stats =
        admin("/api/v1/exchanges/stats?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z");
    assertThat(stats.get("errorQueue")).isInstanceOf(Number.class);
    assertThat((List<?>) stats.get("counts"))
        .anySatisfy(
            c -> {
              Map<?, ?> count = (Map<?, ?>) c;
              assertThat(count.get("channel")).isEqualTo("HL7");
              assertThat(count.get("status")).isEqualTo("FAILED");
              assertThat(((Number) count.get("count")).longValue()).isGreaterThanOrEqualTo(3);
            });
    ResponseEntity<String> prometheus =
        http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
            .getForEntity("/actuator/prometheus", String.class);
    assertThat(prometheus.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(prometheus.getBody())
        .contains(
            "journal_exchanges_total",
            "journal_error_queue",
            "journal_backlog",
            "journal_apply_seconds");
  }

  private Map<?, ?> admin(String path) {
    return get(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, path);
  }

  private Map<?, ?> get(String user, String password, String path) {
    ResponseEntity<Map> response = http.withBasicAuth(user, password).getForEntity(path, Map.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    return http.withBasicAuth(user, TestUsers.PASSWORD)
        .exchange(path, HttpMethod.POST, json(body), String.class);
  }

  private static List<Long> idsOf(Map<?, ?> page) {
    return ((List<?>) page.get("items"))
        .stream().map(i -> ((Number) ((Map<?, ?>) i).get("id")).longValue()).toList();
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
