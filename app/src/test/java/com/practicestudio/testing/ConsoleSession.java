package com.practicestudio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in console session over plain HTTP: a cookie jar, the form sign-in, and the CSRF token
 * of the last page read (the hidden {@code _csrf} field or the layout's {@code _csrf} meta tag).
 * Redirects are not followed, so tests see where a POST sends the browser.
 */
public final class ConsoleSession {

  private static final Pattern HIDDEN =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
  private static final Pattern META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client;
  private String csrf;

  private ConsoleSession(String base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Signs in through the login form; fails unless the server accepts the password. */
  public static ConsoleSession signIn(int port, String username, String password) {
    ConsoleSession session = new ConsoleSession("http://localhost:" + port);
    session.get("/login");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("password", password);
    HttpResponse<String> answer = session.post("/login", form);
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() != 302 || location.contains("error")) {
      throw new AssertionError("sign-in refused: " + answer.statusCode() + " " + location);
    }
    return session;
  }

  public HttpResponse<String> get(String path) {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).GET());
    remember(answer.body());
    return answer;
  }

  /** A form POST with the CSRF token of the last page read. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (csrf != null) {
      all.put("_csrf", csrf);
    }
    String body =
        all.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    remember(answer.body());
    return answer;
  }

  /** Where a redirect answer points, as a path. */
  public static String location(HttpResponse<String> answer) {
    String location =
        answer
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new AssertionError("no redirect: " + answer.statusCode()));
    return URI.create(location).getPath();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      // what a browser asks for, so that errors come back as the console's page, not JSON
      return client.send(
          request
              .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
              .timeout(Duration.ofSeconds(60))
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void remember(String page) {
    if (page == null) {
      return;
    }
    Matcher hidden = HIDDEN.matcher(page);
    if (hidden.find()) {
      csrf = hidden.group(1) != null ? hidden.group(1) : hidden.group(2);
      return;
    }
    Matcher meta = META.matcher(page);
    if (meta.find()) {
      csrf = meta.group(1);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
