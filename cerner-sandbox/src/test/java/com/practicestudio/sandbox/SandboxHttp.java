package com.practicestudio.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the sandbox's endpoints in tests. */
public final class SandboxHttp {

  public static final String FHIR_JSON = "application/fhir+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CernerSandbox sandbox;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public SandboxHttp(CernerSandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** A system-account access token with these scopes (client_credentials, HTTP Basic). */
  public String systemToken(String scopes) {
    HttpResponse<String> response =
        tokenRequest("grant_type=client_credentials&scope=" + encode(scopes));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token request failed: " + response.body());
    }
    return json(response.body()).get("access_token").asText();
  }

  public HttpResponse<String> tokenRequest(String form) {
    return send(
        HttpRequest.newBuilder(URI.create(sandbox.urls().tokenUrl()))
            .header("Authorization", basic(sandbox.systemClientId(), sandbox.systemClientSecret()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** GET a FHIR path relative to the root (e.g. {@code Patient?family=Sm}). */
  public HttpResponse<String> fhirGet(String path, String token) {
    return send(fhir(path, token).GET().build());
  }

  public HttpResponse<String> fhirPost(String path, String token, String body) {
    return send(
        fhir(path, token)
            .header("Content-Type", FHIR_JSON)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpRequest.Builder fhir(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(sandbox.urls().fhirRoot() + "/" + path))
            .header("Accept", FHIR_JSON)
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpClient client() {
    return client;
  }

  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
