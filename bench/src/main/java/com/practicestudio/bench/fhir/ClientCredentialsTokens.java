package com.practicestudio.bench.fhir;

import com.practicestudio.fhir.TokenSource;
import com.practicestudio.sandbox.CernerSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token source for the benchmark: one {@code client_credentials} grant, kept until 30 s before it
 * expires, renewed by one thread at a time.
 */
final class ClientCredentialsTokens implements TokenSource {

  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EXPIRES = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

  private final CernerSandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();
  private volatile String token;
  private volatile Instant renewAt = Instant.MIN;

  ClientCredentialsTokens(CernerSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public String token(long domainId, Set<String> scopes) {
    if (Instant.now().isBefore(renewAt)) {
      return token;
    }
    synchronized (this) {
      if (Instant.now().isAfter(renewAt)) {
        grant(scopes);
      }
      return token;
    }
  }

  @Override
  public synchronized void invalidate(long domainId, Set<String> scopes, String stale) {
    if (stale.equals(token)) {
      renewAt = Instant.MIN;
    }
  }

  private void grant(Set<String> scopes) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (sandbox.systemClientId() + ":" + sandbox.systemClientSecret())
                    .getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.urls().tokenUrl()))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&scope="
                        + URLEncoder.encode(String.join(" ", scopes), StandardCharsets.UTF_8)))
            .build();
    try {
      String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
      Matcher t = TOKEN.matcher(body);
      Matcher e = EXPIRES.matcher(body);
      if (!t.find() || !e.find()) {
        throw new IllegalStateException("the token endpoint answered no token");
      }
      token = t.group(1);
      renewAt = Instant.now().plusSeconds(Long.parseLong(e.group(1)) - 30);
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
  }
}
