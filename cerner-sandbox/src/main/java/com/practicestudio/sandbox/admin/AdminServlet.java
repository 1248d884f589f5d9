package com.practicestudio.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.practicestudio.sandbox.SandboxUrls;
import com.practicestudio.sandbox.auth.GrantCounter;
import com.practicestudio.sandbox.auth.LaunchContext;
import com.practicestudio.sandbox.auth.TokenService;
import com.practicestudio.sandbox.http.FaultInjector;
import com.practicestudio.sandbox.http.RequestLog;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON admin endpoints for tests and demos (never subject to faults):
 *
 * <ul>
 *   <li>{@code GET|POST|DELETE /admin/faults} — list, add ({@code {"kind": "latency|error|
 *       rate-limit|outage|drop|token-outage", "path": "/r4", "millis": 200, "status": 503, "rate":
 *       0.5, "count": 3, "retryAfterSeconds": 5, "seconds": 30}}), reset
 *   <li>{@code GET|DELETE /admin/requests} — the request log (method, path, status), clear
 *   <li>{@code GET /admin/stats} — tokens granted by grant type, requests answered
 *   <li>{@code POST /admin/launch} — {@code {"patient": "...", "encounter": "..."}} → {@code
 *       {"launch": "..."}} for an EHR launch
 *   <li>{@code POST /admin/reset} — clears faults, the request log and the grant counts
 * </ul>
 */
public final class AdminServlet extends HttpServlet {

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final FaultInjector faults;
  private final RequestLog requests;
  private final GrantCounter grants;
  private final TokenService tokens;
  private final SandboxUrls urls;

  public AdminServlet(
      FaultInjector faults,
      RequestLog requests,
      GrantCounter grants,
      TokenService tokens,
      SandboxUrls urls) {
    this.faults = faults;
    this.requests = requests;
    this.grants = grants;
    this.tokens = tokens;
    this.urls = urls;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (path(request)) {
      case "/faults" -> write(response, 200, faults.active());
      case "/requests" -> write(response, 200, requests.entries());
      case "/stats" -> {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("tokenGrants", grants.snapshot());
        stats.put("requests", requests.entries().size());
        write(response, 200, stats);
      }
      default -> write(response, 404, Map.of("error", "no such admin endpoint"));
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    JsonNode body = body(request);
    switch (path(request)) {
      case "/faults" -> {
        try {
          addFault(body);
          write(response, 201, faults.active());
        } catch (IllegalArgumentException e) {
          write(response, 400, Map.of("error", e.getMessage()));
        }
      }
      case "/launch" -> {
        LaunchContext context =
            new LaunchContext(
                body.path("patient").asText(null), body.path("encounter").asText(null));
        write(response, 201, Map.of("launch", tokens.mintLaunch(context)));
      }
      case "/reset" -> {
        faults.reset();
        requests.clear();
        grants.reset();
        write(response, 200, Map.of("reset", true));
      }
      default -> write(response, 404, Map.of("error", "no such admin endpoint"));
    }
  }

  @Override
  protected void doDelete(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (path(request)) {
      case "/faults" -> faults.reset();
      case "/requests" -> requests.clear();
      default -> {
        write(response, 404, Map.of("error", "no such admin endpoint"));
        return;
      }
    }
    response.setStatus(204);
  }

  private void addFault(JsonNode body) {
    String path = body.path("path").asText("");
    int count = body.path("count").asInt(1);
    switch (body.path("kind").asText("")) {
      case "latency" -> faults.latency(path, Duration.ofMillis(body.path("millis").asLong(100)));
      case "error" ->
          faults.errorRate(
              path, status(body.path("status").asInt(500)), body.path("rate").asDouble(1.0));
      case "rate-limit" ->
          faults.rateLimit(
              path, count, Duration.ofSeconds(body.path("retryAfterSeconds").asLong(1)));
      case "outage" -> faults.outage(path, Duration.ofSeconds(body.path("seconds").asLong(30)));
      case "drop" -> faults.dropConnections(path, count);
      case "token-outage" ->
          faults.outage(
              SandboxUrls.oauthPath(urls.tenant()) + "/token",
              Duration.ofSeconds(body.path("seconds").asLong(30)));
      default ->
          throw new IllegalArgumentException(
              "kind must be latency, error, rate-limit, outage, drop or token-outage");
    }
  }

  private static int status(int status) {
    if (status != 500 && status != 503) {
      throw new IllegalArgumentException("status must be 500 or 503");
    }
    return status;
  }

  private JsonNode body(HttpServletRequest request) throws IOException {
    if (request.getContentLength() == 0) {
      return json.createObjectNode();
    }
    try {
      JsonNode node = json.readTree(request.getInputStream());
      return node == null ? json.createObjectNode() : node;
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }

  private static String path(HttpServletRequest request) {
    String path = request.getPathInfo();
    return path == null ? "" : path;
  }

  private void write(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    json.writeValue(response.getOutputStream(), body);
  }
}
