package com.practicestudio.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class ApiSecurityIT {

  @Autowired TestRestTemplate http;
  @Autowired UserService users;
  @Autowired AuditLog audit;

  @Test
  void anonymous_api_requests_get_401_problem_with_a_challenge() {
    ResponseEntity<String> response = http.getForEntity("/api/v1/users", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).contains("Basic", "Bearer");
  }

  @Test
  void health_is_open_to_everyone() {
    ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"UP\"");
  }

  @Test
  void the_first_admin_signs_in_with_basic_auth() {
    ResponseEntity<String> response =
        http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
            .getForEntity("/api/v1/users", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"items\"", "\"admin\"");
  }

  @Test
  void a_viewer_may_not_manage_users() {
    String viewer = TestUsers.create(users, Role.VIEWER);
    ResponseEntity<String> response =
        http.withBasicAuth(viewer, TestUsers.PASSWORD).getForEntity("/api/v1/users", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void a_bearer_token_acts_as_its_user_until_revoked() {
    String operator = TestUsers.create(users, Role.OPERATOR);
    ResponseEntity<Map> created =
        http.withBasicAuth(operator, TestUsers.PASSWORD)
            .postForEntity("/api/v1/tokens", Map.of("name", "ci"), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String token = (String) created.getBody().get("token");
    Number id = (Number) ((Map<?, ?>) created.getBody().get("info")).get("id");

    assertThat(withToken(token, "/api/v1/tokens").getStatusCode()).isEqualTo(HttpStatus.OK);
    http.withBasicAuth(operator, TestUsers.PASSWORD).delete("/api/v1/tokens/" + id);
    assertThat(withToken(token, "/api/v1/tokens").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(withToken("pst_not-a-token", "/api/v1/tokens").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void metrics_take_an_api_token_and_refuse_anonymous_scrapes() {
    ResponseEntity<Map> created =
        http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
            .postForEntity("/api/v1/tokens", Map.of("name", "prometheus"), Map.class);
    String token = (String) created.getBody().get("token");

    ResponseEntity<String> scraped = withToken(token, "/actuator/prometheus");
    assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scraped.getBody()).contains("jvm_memory_used_bytes");
    assertThat(scraped.getHeaders().getFirst("Set-Cookie")).as("stateless").isNull();
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void repeated_failed_logins_lock_the_account_and_are_audited() {
    String engineer = TestUsers.create(users, Role.ENGINEER);
    for (int i = 0; i < 5; i++) {
      assertThat(
              http.withBasicAuth(engineer, "wrong-password-" + i)
                  .getForEntity("/api/v1/tokens", String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    // the right password no longer helps while the account is locked
    assertThat(
            http.withBasicAuth(engineer, TestUsers.PASSWORD)
                .getForEntity("/api/v1/tokens", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    var events =
        audit.search(
            new AuditLog.AuditQuery(null, AuditAction.ACCOUNT_LOCKED, "user", engineer, null, null),
            10,
            null);
    assertThat(events.items()).hasSize(1);
  }

  @Test
  void a_bad_request_names_the_field() {
    ResponseEntity<String> response =
        http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
            .exchange(
                "/api/v1/users",
                HttpMethod.POST,
                json("{\"username\":\"x y\",\"password\":\"short\",\"role\":\"ADMIN\"}"),
                String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(response.getBody()).contains("\"field\":\"username\"");

    ResponseEntity<String> limit =
        http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
            .getForEntity("/api/v1/users?limit=abc", String.class);
    assertThat(limit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(limit.getBody()).contains("\"field\":\"limit\"");
  }

  private ResponseEntity<String> withToken(String token, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
