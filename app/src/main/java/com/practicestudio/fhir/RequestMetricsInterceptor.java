package com.practicestudio.fhir;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request our own {@code X-Request-Id} (so both sides' logs meet), times it into {@code
 * practice_studio.cerner.fhir.requests} by domain, method, resource type and status, and logs
 * Cerner's request id of failed answers. Logs no URLs (search values are PHI).
 */
final class RequestMetricsInterceptor implements IClientInterceptor {

  private static final Logger log = LoggerFactory.getLogger(RequestMetricsInterceptor.class);

  private final MeterRegistry meters;
  private final String domain;
  private final String root;
  private final java.util.concurrent.ConcurrentMap<String, Timer> timers =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final ThreadLocal<String[]> current = new ThreadLocal<>();
  private final ThreadLocal<String> lastRequestId = new ThreadLocal<>();
  private final ThreadLocal<java.util.Map<String, List<String>>> lastHeaders = new ThreadLocal<>();

  RequestMetricsInterceptor(MeterRegistry meters, String domain, String root) {
    this.meters = meters;
    this.domain = domain;
    this.root = root;
  }

  @Override
  public void interceptRequest(IHttpRequest request) {
    request.removeHeaders("X-Request-Id");
    String id = UUID.randomUUID().toString();
    lastRequestId.set(id);
    request.addHeader("X-Request-Id", id);
    lastHeaders.remove();
    current.set(new String[] {request.getHttpVerbName(), resourceType(request.getUri(), root)});
  }

  @Override
  public void interceptResponse(IHttpResponse response) {
    String[] call = current.get();
    current.remove();
    lastHeaders.set(response.getAllHeaders());
    long millis = response.getRequestStopWatch().getMillis();
    String method = call == null ? "?" : call[0];
    String resource = call == null ? "?" : call[1];
    String status = Integer.toString(response.getStatus());
    timers
        .computeIfAbsent(
            method + " " + resource + " " + status,
            k ->
                Timer.builder("practice_studio.cerner.fhir.requests")
                    .description("FHIR requests to Cerner")
                    .tag("domain", domain)
                    .tag("method", method)
                    .tag("resource", resource)
                    .tag("status", status)
                    .register(meters))
        .record(millis, TimeUnit.MILLISECONDS);
    if (response.getStatus() >= 400) {
      List<String> ids = response.getHeaders("X-Request-Id");
      if (ids == null || ids.isEmpty()) {
        ids = response.getHeaders("opc-request-id");
      }
      log.info(
          "Cerner FHIR answered {} after {} ms (domain {}, {} {}, Cerner request id {})",
          response.getStatus(),
          millis,
          domain,
          call == null ? "?" : call[0],
          call == null ? "?" : call[1],
          ids == null || ids.isEmpty() ? "-" : ids.get(0));
    }
  }

  /** The {@code X-Request-Id} of this thread's last request. */
  String lastRequestId() {
    return lastRequestId.get();
  }

  /** The headers of this thread's last answer; null when the last request got none. */
  java.util.Map<String, List<String>> lastHeaders() {
    return lastHeaders.get();
  }

  /** The resource type a URL addresses: the first path segment after the service root. */
  static String resourceType(String url, String root) {
    String rest = url.startsWith(root) ? url.substring(root.length()) : url;
    int query = rest.indexOf('?');
    rest = query >= 0 ? rest.substring(0, query) : rest;
    for (String part : rest.split("/")) {
      if (!part.isEmpty()) {
        return part.matches("[A-Z][A-Za-z]+|metadata|\\.well-known") ? part : "?";
      }
    }
    return "?";
  }
}
