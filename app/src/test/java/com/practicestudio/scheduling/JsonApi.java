package com.practicestudio.scheduling;

import com.practicestudio.testing.TestUsers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON calls to the API as one user, answering status, headers and the parsed body. Calls carry an
 * API token of the user (made once per user and server), sparing a password hash per request.
 */
public final class JsonApi {

  /** Tokens by server root and user. */
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  private final TestRestTemplate http;
  private final JsonMapper json;
  private final String token;

  private JsonApi(TestRestTemplate http, JsonMapper json, String username, String password) {
    this.http = http;
    this.json = json;
    this.token =
        TOKENS.computeIfAbsent(
            http.getRootUri() + "|" + username, key -> newToken(username, password));
  }

  public static JsonApi admin(TestRestTemplate http, JsonMapper json) {
    return new JsonApi(http, json, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
  }

  public JsonApi as(String username) {
    return new JsonApi(http, json, username, TestUsers.PASSWORD);
  }

  private String newToken(String username, String password) {
    ResponseEntity<String> created =
        http.withBasicAuth(username, password)
            .postForEntity("/api/v1/tokens", Map.of("name", "tests"), String.class);
    if (!created.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("no API token for " + username + ": " + created);
    }
    return json.readTree(created.getBody()).get("token").asString();
  }

  public Response get(String path) {
    return call(HttpMethod.GET, path, null);
  }

  public Response post(String path, Object body) {
    return call(HttpMethod.POST, path, body);
  }

  public Response put(String path, Object body) {
    return call(HttpMethod.PUT, path, body);
  }

  public Response patch(String path, Object body) {
    return call(HttpMethod.PATCH, path, body);
  }

  /** Body: a JSON string as is, anything else serialised. */
  public Response call(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBearerAuth(token);
    String text =
        body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
    ResponseEntity<String> response =
        http.exchange(path, method, new HttpEntity<>(text, headers), String.class);
    String raw = response.getBody();
    JsonNode node = raw == null || raw.isBlank() ? null : json.readTree(raw);
    return new Response(response.getStatusCode().value(), response.getHeaders(), node, raw);
  }

  /** One answer; {@code field(name)} reads a top-level field as text. */
  public record Response(int status, HttpHeaders headers, JsonNode body, String raw) {

    public String field(String name) {
      JsonNode value = body.get(name);
      return value == null || value.isNull() ? null : value.asString();
    }

    public long id() {
      return body.get("id").asLong();
    }

    /** The names of the bad fields of a 400 problem. */
    public java.util.List<String> badFields() {
      java.util.List<String> fields = new java.util.ArrayList<>();
      JsonNode errors = body.get("errors");
      if (errors != null) {
        errors.forEach(e -> fields.add(e.get("field").asString()));
      }
      return fields;
    }
  }
}
