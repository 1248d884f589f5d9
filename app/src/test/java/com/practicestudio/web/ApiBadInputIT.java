package com.practicestudio.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every write endpoint the OpenAPI document lists, fed broken bodies, and every read endpoint,
 * given a query parameter it does not take: each answers 400 as problem+json naming what is wrong —
 * never a 500, never a silent success.
 */
@IntegrationTest
class ApiBadInputIT {

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;

  record Operation(HttpMethod method, String path) {}

  @Test
  void every_write_endpoint_answers_broken_bodies_with_a_problem_naming_the_field() {
    List<Operation> operations = operations(true, "post", "put", "patch");
    assertThat(operations).hasSizeGreaterThan(20);
    List<String> wrong = new ArrayList<>();
    for (Operation op : operations) {
      for (String body : new String[] {"{\"broken\": ", "[1, 2, 3]", "\"just a string\""}) {
        ResponseEntity<String> answer = send(op, body);
        String verdict = judge(answer);
        if (verdict != null) {
          wrong.add(op.method() + " " + op.path() + " with " + body + ": " + verdict);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void every_read_endpoint_refuses_a_query_parameter_it_does_not_take_and_names_it() {
    List<Operation> reads = operations(false, "get");
    assertThat(reads).hasSizeGreaterThan(20);
    List<String> wrong = new ArrayList<>();
    for (Operation op : reads) {
      ResponseEntity<String> answer = get(op.path() + "?messageId=X1");
      String verdict = judge(answer);
      if (verdict == null && !firstError(answer).path("field").asText().equals("messageId")) {
        verdict = "another field named: " + answer.getBody();
      }
      if (verdict != null) {
        wrong.add("GET " + op.path() + ": " + verdict);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void the_api_document_lists_the_api_only() {
    List<String> paths = new ArrayList<>();
    docs().path("paths").properties().forEach(p -> paths.add(p.getKey()));
    assertThat(paths).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("/api/"));
  }

  @Test
  void a_misspelt_filter_is_refused_with_the_names_the_endpoint_takes_and_the_right_one_works() {
    ResponseEntity<String> misspelt = get("/api/v1/exchanges?messageId=X1");
    assertThat(judge(misspelt)).isNull();
    JsonNode error = firstError(misspelt);
    assertThat(error.path("field").asText()).isEqualTo("messageId");
    assertThat(error.path("message").asText())
        .startsWith("is not a parameter of this request; it takes ")
        .contains("channel", "q", "limit", "cursor");

    assertThat(get("/api/v1/exchanges?q=X1&limit=5").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void every_bad_query_parameter_is_named_in_one_answer() {
    ResponseEntity<String> answer =
        get("/api/v1/exchanges?limit=abc&status=NOPE&messageId=1&from=yesterday");
    assertThat(judge(answer)).isNull();
    List<String> fields = new ArrayList<>();
    json.readTree(answer.getBody())
        .path("errors")
        .forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).containsExactly("messageId", "status", "from", "limit");

    assertThat(
            get("/api/v1/exchanges?status=FAILED&from=2026-11-19T14:30:00Z&limit=5")
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  private ResponseEntity<String> get(String path) {
    return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .getForEntity(path, String.class);
  }

  private String judge(ResponseEntity<String> answer) {
    int status = answer.getStatusCode().value();
    if (status == 415) {
      return null; // a multipart or text/csv endpoint refusing JSON says so plainly
    }
    if (status != 400) {
      return "status " + status;
    }
    MediaType type = answer.getHeaders().getContentType();
    if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
      return "content type " + type;
    }
    JsonNode problem = json.readTree(answer.getBody());
    JsonNode errors = problem.path("errors");
    if (!errors.isArray() || errors.isEmpty() || errors.get(0).path("field").asText().isBlank()) {
      return "no field named: " + answer.getBody();
    }
    return null;
  }

  /** The operations the OpenAPI document lists for these methods (with a body, when asked). */
  private List<Operation> operations(boolean withBody, String... methods) {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : docs().path("paths").properties()) {
      for (String method : methods) {
        JsonNode op = path.getValue().path(method);
        if (!op.isMissingNode() && (!withBody || op.has("requestBody"))) {
          operations.add(
              new Operation(
                  HttpMethod.valueOf(method.toUpperCase()),
                  path.getKey().replaceAll("\\{[^}]+}", "1")));
        }
      }
    }
    return operations;
  }

  private JsonNode docs() {
    return json.readTree(http.getForObject("/api/docs", String.class));
  }

  private JsonNode firstError(ResponseEntity<String> answer) {
    return json.readTree(answer.getBody()).path("errors").get(0);
  }

  private ResponseEntity<String> send(Operation op, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .exchange(op.path(), op.method(), new HttpEntity<>(body, headers), String.class);
  }
}
