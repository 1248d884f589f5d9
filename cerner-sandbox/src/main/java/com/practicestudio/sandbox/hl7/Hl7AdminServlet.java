package com.practicestudio.sandbox.hl7;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.practicestudio.hl7v2.Hl7Message;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JSON admin endpoints of the MLLP peer, under {@code /admin/hl7} (never subject to faults):
 *
 * <ul>
 *   <li>{@code GET /admin/hl7} — the listener's host and port, run and message counts, the policy
 *   <li>{@code POST /admin/hl7/runs} — start a script (see {@link ScriptJson}) → 202 with the run
 *       id; {@code GET /admin/hl7/runs} — every run; {@code GET /admin/hl7/runs/{id}} — one run
 *       with each message and its answer ({@code ?waitMillis=N} waits up to N ms for it to end)
 *   <li>{@code POST /admin/hl7/generate} — {@code {"type", "count", "patients", "mrns", "seed"}} →
 *       {@code {"messages": [...]}}, generated and not sent
 *   <li>{@code GET /admin/hl7/received} — messages received ({@code ?type=SIU^S12}, {@code
 *       ?after=<sequence>}); {@code DELETE} forgets them
 *   <li>{@code GET|PUT|POST /admin/hl7/policy} — read or replace the answer policy
 *   <li>{@code GET|POST|DELETE /admin/hl7/notify} — {@code {"host", "port"}}: send an SIU^S12 there
 *       for every appointment booked from now on; DELETE stops it
 *   <li>{@code POST /admin/hl7/reset} — forget runs and received messages, answer AA again, stop
 *       announcing bookings
 * </ul>
 *
 * Bad input answers 400 with {@code {"error": "<field>: <problem>", "field": "<field>"}}.
 */
final class Hl7AdminServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final long MAX_WAIT_MILLIS = 120_000;

  private final transient ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final transient Hl7Peer peer;

  Hl7AdminServlet(Hl7Peer peer) {
    this.peer = peer;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!running(response)) {
      return;
    }
    String path = path(request);
    switch (path) {
      case "" -> write(response, 200, status());
      case "/runs" -> write(response, 200, peer.runs().stream().map(r -> run(r, false)).toList());
      case "/received" -> write(response, 200, received(request));
      case "/policy" -> write(response, 200, policy(peer.answers().snapshot()));
      case "/notify" -> write(response, 200, notify(peer.bookingsTarget()));
      default -> {
        if (path.startsWith("/runs/")) {
          runById(request, response, path.substring("/runs/".length()));
        } else {
          notFound(response);
        }
      }
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!running(response)) {
      return;
    }
    try {
      switch (path(request)) {
        case "/runs" ->
            write(response, 202, run(peer.start(ScriptJson.script(body(request))), false));
        case "/generate" -> write(response, 200, generated(body(request)));
        case "/policy" -> replacePolicy(request, response);
        case "/notify" -> {
          peer.notifyBookings(ScriptJson.target(body(request)));
          write(response, 200, notify(peer.bookingsTarget()));
        }
        case "/reset" -> {
          peer.reset();
          write(response, 200, Map.of("reset", true));
        }
        default -> notFound(response);
      }
    } catch (BadFieldException e) {
      write(response, 400, Map.of("error", e.getMessage(), "field", e.field()));
    } catch (IllegalArgumentException e) {
      write(response, 400, Map.of("error", e.getMessage()));
    }
  }

  @Override
  protected void doPut(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!running(response)) {
      return;
    }
    if (!"/policy".equals(path(request))) {
      notFound(response);
      return;
    }
    try {
      replacePolicy(request, response);
    } catch (IllegalArgumentException e) {
      String field = e instanceof BadFieldException bad ? bad.field() : "policy";
      write(response, 400, Map.of("error", e.getMessage(), "field", field));
    }
  }

  @Override
  protected void doDelete(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!running(response)) {
      return;
    }
    if ("/received".equals(path(request))) {
      peer.clearReceived();
      response.setStatus(204);
    } else if ("/notify".equals(path(request))) {
      peer.notifyBookings(null);
      response.setStatus(204);
    } else {
      notFound(response);
    }
  }

  private void replacePolicy(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ScriptJson.policy(body(request), peer.answers());
    write(response, 200, policy(peer.answers().snapshot()));
  }

  private void runById(HttpServletRequest request, HttpServletResponse response, String id)
      throws IOException {
    Optional<Hl7Run> run = peer.run(id);
    if (run.isEmpty()) {
      write(response, 404, Map.of("error", "no run " + id));
      return;
    }
    long wait = parseLong(request.getParameter("waitMillis"), 0);
    if (wait > 0) {
      run.get().awaitQuietly(Duration.ofMillis(Math.min(wait, MAX_WAIT_MILLIS)));
    }
    write(response, 200, run(run.get(), true));
  }

  private static Map<String, Object> notify(Optional<Target> target) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("bookingsTo", target.map(Target::toString).orElse(null));
    return view;
  }

  private Map<String, Object> status() {
    Target listener = peer.listenerTarget();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("host", listener.host());
    status.put("port", listener.port());
    status.put("runs", peer.runs().size());
    status.put("received", peer.received().size());
    status.put("bookingsTo", peer.bookingsTarget().map(Target::toString).orElse(null));
    status.put("policy", policy(peer.answers().snapshot()));
    return status;
  }

  private Map<String, Object> generated(JsonNode body) {
    List<Hl7Message> messages = peer.generate(ScriptJson.generate(body, ""));
    return Map.of("messages", messages.stream().map(Hl7Message::encode).toList());
  }

  private List<ReceivedMessage> received(HttpServletRequest request) {
    String type = request.getParameter("type");
    long after = parseLong(request.getParameter("after"), 0);
    return peer.received().stream()
        .filter(m -> type == null || type.equalsIgnoreCase(m.type()))
        .filter(m -> m.sequence() > after)
        .toList();
  }

  static Map<String, Object> run(Hl7Run run, boolean withMessages) {
    List<SentMessage> messages = run.messages();
    Map<String, Integer> codes = new TreeMap<>();
    int failed = 0;
    for (SentMessage message : messages) {
      if (message.ackCode() != null) {
        codes.merge(message.ackCode(), 1, Integer::sum);
      } else {
        failed++;
      }
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", run.id());
    view.put("status", run.status().name());
    view.put("target", run.target().toString());
    view.put("planned", run.planned());
    view.put("done", messages.size());
    view.put("acks", codes);
    view.put("unanswered", failed);
    view.put("startedAt", run.startedAt());
    view.put("finishedAt", run.finishedAt());
    view.put("problem", run.problem());
    if (withMessages) {
      view.put("messages", messages);
    }
    return view;
  }

  static Map<String, Object> policy(AnswerPolicy.Snapshot snapshot) {
    Map<String, Object> byType = new TreeMap<>();
    snapshot.byType().forEach((type, answer) -> byType.put(type, answer(answer)));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("default", answer(snapshot.fallback()));
    view.put("byType", byType);
    view.put(
        "next",
        snapshot.next().stream()
            .map(
                n -> {
                  Map<String, Object> next = answer(n.answer());
                  next.put("count", n.count());
                  return next;
                })
            .toList());
    if (snapshot.rate() != null) {
      Map<String, Object> rate = answer(snapshot.rate().answer());
      rate.put("fraction", snapshot.rate().fraction());
      view.put("rate", rate);
    } else {
      view.put("rate", null);
    }
    return view;
  }

  private static Map<String, Object> answer(Answer answer) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("code", answer.code().name());
    view.put("text", answer.text());
    view.put("delayMillis", answer.delay().toMillis());
    return view;
  }

  private boolean running(HttpServletResponse response) throws IOException {
    if (peer.isStarted()) {
      return true;
    }
    write(response, 503, Map.of("error", "the MLLP peer is not running"));
    return false;
  }

  private JsonNode body(HttpServletRequest request) {
    try {
      JsonNode node = json.readTree(request.getInputStream());
      return node == null ? json.createObjectNode() : node;
    } catch (IOException e) {
      throw new BadFieldException("body", "is not JSON");
    }
  }

  private static long parseLong(String value, long fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String path(HttpServletRequest request) {
    String path = request.getPathInfo();
    return path == null || path.equals("/") ? "" : path;
  }

  private void notFound(HttpServletResponse response) throws IOException {
    write(response, 404, Map.of("error", "no such HL7 admin endpoint"));
  }

  private void write(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    json.writeValue(response.getOutputStream(), body);
  }
}
