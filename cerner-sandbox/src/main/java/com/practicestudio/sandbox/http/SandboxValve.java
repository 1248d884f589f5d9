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
    if (!path.startsWith("/admin")) {
      FaultInjector.Decision decision = faults.decide(path);
      pause(decision.latencyMillis());
      if (decision.drop()) {
        log.add(new RequestLog.Entry(clock.instant(), request.getMethod(), path, 0));
        response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
        return;
      }
      if (decision.status() != 0) {
        answer(response, decision);
        log.add(
            new RequestLog.Entry(clock.instant(), request.getMethod(), path, decision.status()));
        return;
      }
    }
    getNext().invoke(request, response);
    log.add(new RequestLog.Entry(clock.instant(), request.getMethod(), path, response.getStatus()));
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
