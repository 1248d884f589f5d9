package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.mllp.MllpError;
import com.practicestudio.mllp.MllpException;
import com.practicestudio.mllp.MllpSender;
import com.practicestudio.mllp.SenderOptions;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends a run's messages and records each answer. One at a time and well-behaved, it uses the
 * {@code mllp} module's {@link MllpSender}; pipelined or misbehaving, a {@link ScriptedConnection}.
 * Per message, a missing answer is recorded with its {@code MLLP-0xx} code and the run goes on.
 */
final class ScriptRunner {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final Clock clock;
  private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
  private volatile boolean stopped;

  ScriptRunner(Clock clock) {
    this.clock = clock;
  }

  /** Numbers the messages and adds the duplicates the misbehaviour asks for. */
  static List<Outgoing> plan(
      List<String> literals, List<Hl7Message> generated, Misbehaviour misbehaviour) {
    List<Outgoing> originals = new ArrayList<>();
    literals.forEach(text -> originals.add(Outgoing.literal(0, text)));
    generated.forEach(message -> originals.add(Outgoing.of(0, message)));
    List<Outgoing> plan = new ArrayList<>();
    for (int i = 0; i < originals.size(); i++) {
      Outgoing original = originals.get(i);
      Outgoing numbered =
          new Outgoing(
              plan.size() + 1,
              original.bytes(),
              original.text(),
              original.controlId(),
              original.type(),
              null);
      plan.add(numbered);
      if (misbehaviour.duplicateEvery() > 0 && (i + 1) % misbehaviour.duplicateEvery() == 0) {
        plan.add(numbered.repeatedAs(plan.size() + 1));
      }
    }
    return plan;
  }

  /** Sends the plan; returns when every message is answered, failed, or the runner stopped. */
  void run(Hl7Run run, List<Outgoing> plan, Hl7Script script) {
    try {
      if (script.inFlight() == 1 && !script.misbehaviour().needsRawSocket()) {
        sendOneByOne(run, plan, script);
      } else {
        sendScripted(run, plan, script);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      run.stop(clock.instant(), "the run broke off: " + e.getClass().getSimpleName());
      return;
    }
    if (stopped || Thread.currentThread().isInterrupted()) {
      run.stop(clock.instant(), "the sandbox stopped");
    } else {
      run.finish(clock.instant());
    }
  }

  /** Stops every run: open connections are closed, unsent messages stay unsent. */
  void stop() {
    stopped = true;
    open.forEach(ScriptRunner::closeQuietly);
  }

  private void sendOneByOne(Hl7Run run, List<Outgoing> plan, Hl7Script script)
      throws InterruptedException {
    SenderOptions options =
        SenderOptions.to(script.target().host(), script.target().port())
            .withConnectTimeout(CONNECT_TIMEOUT)
            .withAckTimeout(script.ackTimeout());
    Pacer pacer = new Pacer(script.ratePerSecond());
    MllpSender sender = new MllpSender(options);
    open.add(sender);
    try {
      for (int i = 0; i < plan.size() && !stopped; i++) {
        pacer.await(i);
        Outgoing message = plan.get(i);
        Instant at = clock.instant();
        long start = System.nanoTime();
        try {
          byte[] answer = sender.send(message.bytes());
          run.record(answered(message, at, System.nanoTime() - start, answer));
        } catch (MllpException e) {
          run.record(failed(message, at, e.getMessage()));
        }
      }
    } finally {
      open.remove(sender);
      sender.close();
    }
  }

  private void sendScripted(Hl7Run run, List<Outgoing> plan, Hl7Script script)
      throws InterruptedException {
    Misbehaviour misbehaviour = script.misbehaviour();
    Pacer pacer = new Pacer(script.ratePerSecond());
    Deque<Pending> inFlight = new ArrayDeque<>();
    ScriptedConnection connection = null;
    try {
      for (int i = 0; i < plan.size() && !stopped; i++) {
        pacer.await(i);
        Outgoing message = plan.get(i);
        boolean reset = message.number() == misbehaviour.resetMidFrameAt();
        while (connection != null
            && (inFlight.size() >= script.inFlight() || reset && !inFlight.isEmpty())) {
          connection = collect(run, connection, inFlight, script.ackTimeout());
        }
        if (connection == null) {
          try {
            connection = ScriptedConnection.open(script.target(), CONNECT_TIMEOUT);
            open.add(connection);
          } catch (MllpException e) {
            run.record(failed(message, null, e.getMessage()));
            continue;
          }
        }
        connection = write(run, connection, message, misbehaviour, reset, inFlight);
      }
      while (connection != null && !inFlight.isEmpty() && !stopped) {
        connection = collect(run, connection, inFlight, script.ackTimeout());
      }
      failAll(run, inFlight, MllpError.CONNECTION_CLOSED, "the sandbox stopped");
    } finally {
      if (connection != null) {
        drop(connection);
      }
    }
  }

  /** Writes one message; returns the connection, or null when it is gone. */
  private ScriptedConnection write(
      Hl7Run run,
      ScriptedConnection connection,
      Outgoing message,
      Misbehaviour misbehaviour,
      boolean reset,
      Deque<Pending> inFlight)
      throws InterruptedException {
    Instant at = clock.instant();
    try {
      if (reset) {
        connection.resetMidFrame(message.bytes());
        drop(connection);
        run.record(failed(message, at, SentMessage.RESET_MID_FRAME));
        return null;
      }
      connection.write(message.bytes(), misbehaviour);
      inFlight.add(new Pending(message, clock.instant(), System.nanoTime()));
      return connection;
    } catch (IOException | IllegalArgumentException e) {
      String error =
          e instanceof IllegalArgumentException
              ? describe(MllpError.PAYLOAD_CONTAINS_BLOCK_BYTE, null)
              : describe(MllpError.CONNECTION_CLOSED, "while sending");
      run.record(failed(message, at, error));
      failAll(run, inFlight, MllpError.CONNECTION_CLOSED, "while sending a later message");
      drop(connection);
      return null;
    }
  }

  /** Takes the oldest message's answer; returns the connection, or null when it was dropped. */
  private ScriptedConnection collect(
      Hl7Run run, ScriptedConnection connection, Deque<Pending> inFlight, Duration ackTimeout)
      throws InterruptedException {
    Pending oldest = inFlight.peekFirst();
    long left = oldest.sentNanos() + ackTimeout.toNanos() - System.nanoTime();
    try {
      ScriptedConnection.Arrival arrival = connection.nextAnswer(left);
      inFlight.removeFirst();
      if (arrival == null) {
        run.record(
            failed(oldest.message(), oldest.sentAt(), describe(MllpError.ACK_TIMEOUT, null)));
        failAll(
            run, inFlight, MllpError.ACK_TIMEOUT, "connection dropped after an earlier timeout");
        drop(connection);
        return null;
      }
      long nanos = arrival.nanos() - oldest.sentNanos();
      run.record(answered(oldest.message(), oldest.sentAt(), nanos, arrival.payload()));
      return connection;
    } catch (MllpException e) {
      failAll(run, inFlight, e.error(), "before answering");
      drop(connection);
      return null;
    }
  }

  private void failAll(Hl7Run run, Deque<Pending> inFlight, MllpError error, String detail) {
    for (Pending pending = inFlight.pollFirst(); pending != null; pending = inFlight.pollFirst()) {
      run.record(failed(pending.message(), pending.sentAt(), describe(error, detail)));
    }
  }

  private void drop(ScriptedConnection connection) {
    connection.close();
    open.remove(connection);
  }

  private static SentMessage answered(Outgoing message, Instant at, long nanos, byte[] answer) {
    AckSummary ack = AckSummary.read(answer);
    return new SentMessage(
        message.number(),
        message.controlId(),
        message.type(),
        message.duplicateOf(),
        at,
        Duration.ofNanos(nanos).toMillis(),
        ack.code(),
        ack.controlId(),
        ack.text(),
        ack.problem(),
        message.text(),
        ack.raw());
  }

  private static SentMessage failed(Outgoing message, Instant at, String error) {
    return new SentMessage(
        message.number(),
        message.controlId(),
        message.type(),
        message.duplicateOf(),
        at,
        null,
        null,
        null,
        null,
        error,
        message.text(),
        null);
  }

  static String describe(MllpError error, String detail) {
    String text = error.code() + ": " + error.description();
    return detail == null ? text : text + " (" + detail + ")";
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // stopping anyway
    }
  }

  /** A message written and waiting for its answer. */
  private record Pending(Outgoing message, Instant sentAt, long sentNanos) {}

  /** Spaces messages {@code 1/rate} seconds apart from the first. */
  private static final class Pacer {
    private final double rate;
    private final long start = System.nanoTime();

    Pacer(double rate) {
      this.rate = rate;
    }

    void await(int index) throws InterruptedException {
      if (rate <= 0) {
        return;
      }
      long due = start + (long) (index * 1_000_000_000L / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
  }
}
