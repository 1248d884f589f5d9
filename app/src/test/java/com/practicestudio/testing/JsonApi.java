package com.practicestudio.testing;

import java.util.UUID;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON calls to the REST API as one user, answers read as trees. */
public final class JsonApi {

  private final TestRestTemplate http;
  private final JsonMapper json;
  private final String user;
  private final String password;

  public JsonApi(TestRestTemplate http, JsonMapper json, String user, String password) {
    this.http = http;
    this.json = json;
    this.user = user;
    this.password = password;
  }

  /** The API as nobody (no credentials). */
  public static JsonApi anonymous(TestRestTemplate http, JsonMapper json) {
    return new JsonApi(http, json, null, null);
  }

  public static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** One answer: its status, headers and body as a tree (an empty object when there is none). */
  public record Answer(HttpStatusCode status, HttpHeaders headers, JsonNode body, String text) {

    public int code() {
      return status.value();
    }

    /** The names of the fields a 400 problem lists. */
    public java.util.List<String> badFields() {
      java.util.List<String> fields = new java.util.ArrayList<>();
      body.path("errors").forEach(e -> fields.add(e.path("field").asString()));
      return fields;
    }
  }

  public Answer get(String path) {
    return call(HttpMethod.GET, path, null, null, null);
  }

  public Answer post(String path, String body) {
    return call(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON, null);
  }

  public Answer put(String path, String body, String ifMatch) {
    return call(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON, ifMatch);
  }

  public Answer patch(String path, String body, String ifMatch) {
    return call(
        HttpMethod.PATCH, path, body, MediaType.valueOf("application/merge-patch+json"), ifMatch);
  }

  public Answer delete(String path) {
    return call(HttpMethod.DELETE, path, null, null, null);
  }

  public Answer call(
      HttpMethod method, String path, Object body, MediaType contentType, String ifMatch) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, password);
    }
    if (contentType != null) {
      headers.setContentType(contentType);
    }
    if (ifMatch != null) {
      headers.setIfMatch(ifMatch);
    }
    ResponseEntity<String> response =
        http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    String text = response.getBody();
    JsonNode tree;
    try {
      tree = text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
    } catch (RuntimeException e) {
      tree = json.createObjectNode();
    }
    return new Answer(response.getStatusCode(), response.getHeaders(), tree, text);
  }
}
