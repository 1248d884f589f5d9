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
 * Every write endpoint the OpenAPI document lists, fed broken bodies: each answers 400 as
 * problem+json naming what is wrong — never a 500, never a silent success.
 */
@IntegrationTest
class ApiBadInputIT {

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;

  record Operation(HttpMethod method, String path) {}

  @Test
  void every_write_endpoint_answers_broken_bodies_with_a_problem_naming_the_field() {
    List<Operation> operations = writeOperations();
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

  private List<Operation> writeOperations() {
    JsonNode docs = json.readTree(http.getForObject("/api/docs", String.class));
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
      for (String method : new String[] {"post", "put", "patch"}) {
        JsonNode op = path.getValue().path(method);
        if (!op.isMissingNode() && op.has("requestBody")) {
          operations.add(
              new Operation(
                  HttpMethod.valueOf(method.toUpperCase()),
                  path.getKey().replaceAll("\\{[^}]+}", "1")));
        }
      }
    }
    return operations;
  }

  private ResponseEntity<String> send(Operation op, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .exchange(op.path(), op.method(), new HttpEntity<>(body, headers), String.class);
  }
}
