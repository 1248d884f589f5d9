package com.practicestudio.sandbox.http;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Clock;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Sits in front of every request: applies the injected faults (but never to {@code /admin}) and
 * logs what was answered.
 */
public final class SandboxValve extends ValveBase {

  private final FaultInjector faults;
  private final RequestLog log;
  private final Clock clock;

  public SandboxValve(FaultInjector faults, RequestLog log, Clock clock) {
    super(true);
    this.faults = faults;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    String path = request.getDecodedRequestURI();
    if (path.startsWith("/admin")) {
      getNext().invoke(request, response);
      log.add(entry(request, path, response.getStatus()));
      return;
    }
    FaultInjector.Decision decision = faults.decide(path);
    pause(decision.latencyMillis());
    log.answering();
    try {
      if (decision.drop()) {
        response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
      } else if (decision.status() != 0) {
        answer(response, decision);
      } else {
        getNext().invoke(request, response);
      }
    } finally {
      log.answered(entry(request, path, decision.drop() ? 0 : response.getStatus()));
    }
  }

  private RequestLog.Entry entry(Request request, String path, int status) {
    return new RequestLog.Entry(clock.instant(), request.getMethod(), path, status);
  }

  private static void answer(Response response, FaultInjector.Decision decision)
      throws IOException {
    response.setStatus(decision.status());
    if (decision.retryAfterSeconds() > 0) {
      response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }
    response.setContentType("application/fhir+json;charset=UTF-8");
    String issue = decision.status() == 429 ? "throttled" : "transient";
    response
        .getWriter()
        .write(
            "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
                + issue
                + "\",\"diagnostics\":\"Injected fault: HTTP "
                + decision.status()
                + "\"}]}");
    response.finishResponse();
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
