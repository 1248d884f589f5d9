package com.practicestudio.fhir;

import com.practicestudio.sandbox.CernerSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real system-account tokens from the sandbox's token endpoint ({@code client_credentials}, HTTP
 * Basic), cached per domain and scope set until invalidated. Counts grants. (The product uses the
 * OAuth feature's token cache; this one only serves the FHIR tests.)
 */
final class SandboxTokens implements TokenSource {

  private final CernerSandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> cache = new ConcurrentHashMap<>();
  private final AtomicInteger grants = new AtomicInteger();
  private final AtomicInteger invalidations = new AtomicInteger();

  SandboxTokens(CernerSandbox sandbox) {
    this.sandbox = sandbox;
  }

  int grants() {
    return grants.get();
  }

  int invalidations() {
    return invalidations.get();
  }

  @Override
  public String token(long domainId, Set<String> scopes) {
    return cache.computeIfAbsent(domainId + " " + new TreeSet<>(scopes), k -> grant(scopes));
  }

  @Override
  public void invalidate(long domainId, Set<String> scopes, String token) {
    invalidations.incrementAndGet();
    cache.remove(domainId + " " + new TreeSet<>(scopes), token);
  }

  private String grant(Set<String> scopes) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (sandbox.systemClientId() + ":" + sandbox.systemClientSecret())
                    .getBytes(StandardCharsets.UTF_8));
    String form =
        "grant_type=client_credentials&scope="
            + java.net.URLEncoder.encode(String.join(" ", scopes), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.urls().tokenUrl()))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("token endpoint answered " + response.statusCode());
      }
      grants.incrementAndGet();
      JsonNode json = JsonMapper.shared().readTree(response.body());
      return json.get("access_token").asString();
    } catch (IOException e) {
      throw new IllegalStateException("token endpoint unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
