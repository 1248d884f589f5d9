package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The listener's connections against a peer that misbehaves on purpose: stalls, silence, resets, a
 * peer that never reads, peers refused, a process out of threads, and stopping.
 */
class MllpListenerConnectionsIT extends ListenerFixture {
  @Test
  void closes_the_connection_when_the_peer_pauses_inside_a_frame() throws IOException {
    MllpListener listener = start(FAST, Hl7::acceptAll);

    try (PeerClient client = PeerClient.connect(listener.port())) {
      byte[] second = frame("C2");
      client.send(frame("C1")).send(Arrays.copyOf(second, 20)); // then silence inside frame 2

      assertThat(msa2(client.readFrame(ANSWER))).isEqualTo("C1");
      assertThat(client.closedByListenerWithin(ANSWER)).isTrue();
    }
    await().until(() -> events.closed.contains("READ_TIMEOUT"));
  }

  @Test
  void closes_a_connection_that_sends_no_frame_within_the_receive_timeout() throws IOException {
    MllpListener listener = start(FAST.withReceiveTimeout(Duration.ofMillis(300)), Hl7::acceptAll);

    try (PeerClient silent = PeerClient.connect(listener.port());
        PeerClient noisy = PeerClient.connect(listener.port())) {
      noisy.send(bytes("GET / HTTP/1.1\r\n\r\n")); // bytes, but never a start block

      assertThat(silent.closedByListenerWithin(ANSWER)).isTrue();
      assertThat(noisy.closedByListenerWithin(ANSWER)).isTrue();
    }
    await().until(() -> events.closed.size() == 2);
    assertThat(events.closed).containsOnly("RECEIVE_TIMEOUT");
  }

  @Test
  void closes_an_idle_connection_after_the_idle_timeout() throws IOException {
    MllpListener listener = start(FAST.withIdleTimeout(Duration.ofMillis(400)), Hl7::acceptAll);

    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.sendFrame(Hl7.adtA08("C1")).readFrame(ANSWER);

      assertThat(client.closedByListenerWithin(Duration.ofMillis(100))).isFalse();
      assertThat(client.closedByListenerWithin(ANSWER)).isTrue();
    }
    await().until(() -> events.closed.contains("IDLE_TIMEOUT"));
  }

  @Test
  void survives_a_peer_that_resets_the_connection_mid_frame() throws IOException {
    MllpListener listener = start(FAST, Hl7::acceptAll);

    PeerClient rude = PeerClient.connect(listener.port());
    rude.send(frame("C1")).readFrame(ANSWER);
    rude.send(Arrays.copyOf(frame("C2"), 30));
    rude.reset();

    await().until(() -> events.closed.size() == 1);
    assertThat(events.closed).containsExactly("CONNECTION_FAILED");
    assertThat(events.problems(MllpError.STREAM_ENDED_INSIDE_FRAME)).isEqualTo(1);
    try (PeerClient next = PeerClient.connect(listener.port())) {
      assertThat(msa2(next.sendFrame(Hl7.adtA08("C3")).readFrame(ANSWER))).isEqualTo("C3");
    }
    assertThat(listener.connectionCount()).isLessThanOrEqualTo(1);
  }

  @Test
  void closes_a_peer_that_never_reads_its_answers_and_keeps_serving_others() throws Exception {
    byte[] bigAnswer = concat(Hl7.ack("AA", "X"), bytes("NTE|" + "y".repeat(1 << 20) + "\r"));
    MllpListener listener =
        start(
            FAST.withIdleTimeout(Duration.ofMillis(500)).withMaxPipelinedFrames(4),
            (frame, peer) ->
                Hl7.controlId(frame.payload()).startsWith("BIG")
                    ? bigAnswer
                    : Hl7.acceptAll(frame, peer));

    PeerClient deaf = PeerClient.connect(listener.port());
    Thread writer =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 200; i++) {
                  deaf.sendFrame(Hl7.adtA08("BIG" + i));
                }
              } catch (IOException expected) {
                // the listener gave up on this peer
              }
            });
    writer.start();

    try (PeerClient polite = PeerClient.connect(listener.port())) {
      // the polite peer keeps talking (so it is never idle) while the deaf one gets closed
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                assertThat(msa2(polite.sendFrame(Hl7.adtA08("C1")).readFrame(ANSWER)))
                    .isEqualTo("C1");
                return events.closed.contains("IDLE_TIMEOUT");
              });
      assertThat(events.closed).containsExactly("IDLE_TIMEOUT");
    }
    writer.join(10_000);
    assertThat(writer.isAlive()).isFalse();
    deaf.close();
  }

  @Test
  void refuses_peers_outside_the_allowlist() throws IOException {
    MllpListener refusing =
        start(
            MllpListener.builder()
                .options(FAST)
                .handler(Hl7::acceptAll)
                .errorAnswer(Hl7::negative)
                .allowlist(IpAllowlist.of("10.0.0.0/8", "::1")));
    MllpListener allowing =
        start(
            MllpListener.builder()
                .options(FAST)
                .handler(Hl7::acceptAll)
                .errorAnswer(Hl7::negative)
                .allowlist(IpAllowlist.of("127.0.0.0/8")));

    try (PeerClient client = PeerClient.connect(refusing.port())) {
      assertThat(client.closedByListenerWithin(ANSWER)).isTrue();
    }
    try (PeerClient client = PeerClient.connect(allowing.port())) {
      assertThat(msa2(client.sendFrame(Hl7.adtA08("C1")).readFrame(ANSWER))).isEqualTo("C1");
    }
    assertThat(events.refused).containsExactly(MllpError.PEER_NOT_ALLOWED);
  }

  @Test
  void refuses_connections_beyond_the_limit() throws IOException {
    MllpListener listener = start(FAST.withMaxConnections(2), Hl7::acceptAll);

    try (PeerClient first = PeerClient.connect(listener.port());
        PeerClient second = PeerClient.connect(listener.port())) {
      first.sendFrame(Hl7.adtA08("C1")).readFrame(ANSWER);
      second.sendFrame(Hl7.adtA08("C2")).readFrame(ANSWER);
      try (PeerClient third = PeerClient.connect(listener.port())) {
        assertThat(third.closedByListenerWithin(ANSWER)).isTrue();
      }
    }
    assertThat(events.refused).containsExactly(MllpError.TOO_MANY_CONNECTIONS);
  }

  @Test
  void closes_the_connection_when_the_error_answer_itself_fails() throws IOException {
    MllpListener listener =
        start(
            MllpListener.builder()
                .options(FAST)
                .handler(
                    (frame, peer) -> {
                      if (Hl7.controlId(frame.payload()).equals("BAD")) {
                        throw new IllegalStateException("boom");
                      }
                      return Hl7.acceptAll(frame, peer);
                    })
                .errorAnswer(
                    (failure, peer) -> {
                      throw new IllegalStateException("cannot build a NAK");
                    }));

    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.send(concat(frame("C1"), frame("BAD"), frame("C3")));

      assertThat(msa2(client.readFrame(ANSWER))).isEqualTo("C1");
      assertThat(client.closedByListenerWithin(ANSWER)).isTrue();
      assertThat(client.unreadAnswers()).isZero();
    }
    await().until(() -> events.closed.contains("ERROR_ANSWER_FAILED"));
  }

  @Test
  void a_graceful_stop_answers_frames_in_flight_then_closes() throws Exception {
    List<CompletableFuture<byte[]>> stages = new CopyOnWriteArrayList<>();
    List<Frame> frames = new CopyOnWriteArrayList<>();
    MllpListener listener =
        startAsync(
            FAST,
            (frame, peer) -> {
              CompletableFuture<byte[]> stage = new CompletableFuture<>();
              frames.add(frame);
              stages.add(stage);
              return stage;
            });

    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.send(frames(1, 3));
      await().until(() -> stages.size() == 2);
      Thread stopper = new Thread(() -> listener.stop(Duration.ofSeconds(10)));
      stopper.start();
      await().until(() -> !listener.isRunning());
      PeerClient.sleep(Duration.ofMillis(300));
      assertThat(stopper.isAlive()).isTrue(); // waiting for the answers

      stages.get(0).complete(Hl7.acceptAll(frames.get(0), null));
      stages.get(1).complete(Hl7.acceptAll(frames.get(1), null));

      assertThat(client.readFrames(2, ANSWER).stream().map(ListenerFixture::msa2))
          .containsExactly("C1", "C2");
      assertThat(client.closedByListenerWithin(ANSWER)).isTrue();
      stopper.join(5_000);
      assertThat(stopper.isAlive()).isFalse();
    }
    assertThat(events.closed).containsExactly("normal");
  }

  @Test
  void a_stop_closes_connections_still_waiting_after_the_grace_period() throws IOException {
    MllpListener listener = startAsync(FAST, (f, p) -> new CompletableFuture<>());

    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.sendFrame(Hl7.adtA08("C1"));
      await().until(() -> events.framesReceived.get() == 1);
      listener.stop(Duration.ofMillis(200));

      assertThat(client.closedByListenerWithin(ANSWER)).isTrue();
    }
    assertThat(listener.connectionCount()).isZero();
    assertThat(events.closed).containsExactly("LISTENER_STOPPED");
  }

  @ParameterizedTest(name = "thread {0} ({1}) cannot start")
  @CsvSource({
    "2, the first connection's reader",
    "3, the first connection's writer",
  })
  void keeps_accepting_when_a_connection_thread_cannot_be_started(int failing, String which)
      throws IOException {
    // thread 1 is the acceptor; each connection then makes its reader, which makes its writer
    MllpListener listener =
        start(
            MllpListener.builder()
                .options(FAST)
                .handler(Hl7::acceptAll)
                .errorAnswer(Hl7::negative)
                .threads(failingAt(failing)));

    try (PeerClient turnedAway = PeerClient.connect(listener.port())) {
      assertThat(turnedAway.closedByListenerWithin(ANSWER)).isTrue();
    }
    try (PeerClient next = PeerClient.connect(listener.port())) {
      assertThat(msa2(next.sendFrame(Hl7.adtA08("C2")).readFrame(ANSWER))).isEqualTo("C2");
    }
    assertThat(listener.isRunning()).isTrue();
    assertThat(events.problems(MllpError.CONNECTION_NOT_STARTED)).isEqualTo(1);
    assertThat(events.opened.get()).as("only the connection that started").isEqualTo(1);
    await().until(() -> listener.connectionCount() == 0);
  }

  @Test
  void a_listener_whose_acceptor_cannot_start_does_not_claim_to_run() {
    MllpListener listener =
        MllpListener.builder()
            .port(0)
            .options(FAST)
            .handler(Hl7::acceptAll)
            .errorAnswer(Hl7::negative)
            .threads(failingAt(1))
            .build();

    assertThatThrownBy(listener::start).isInstanceOf(OutOfMemoryError.class);
    assertThat(listener.isRunning()).isFalse();
  }

  /** Threads as usual, except the {@code n}th made, whose start fails as at the process limit. */
  private static ThreadFactory failingAt(int n) {
    AtomicInteger made = new AtomicInteger();
    return task ->
        made.incrementAndGet() != n
            ? new Thread(task)
            : new Thread(task) {
              @Override
              public void start() {
                throw new OutOfMemoryError(
                    "unable to create native thread: possibly out of memory");
              }
            };
  }
}
