package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The listener against real sockets and a peer that misbehaves on purpose. */
class MllpListenerIT {
  static final Duration ANSWER = Duration.ofSeconds(5);
  static final byte[] SB = {MllpCodec.START_BLOCK};
  static final byte[] EB = {MllpCodec.END_BLOCK};
  static final byte[] CR = {MllpCodec.CARRIAGE_RETURN};

  static final ListenerOptions FAST =
      ListenerOptions.defaults()
          .withReceiveTimeout(Duration.ofSeconds(3))
          .withReadTimeout(Duration.ofMillis(400))
          .withIdleTimeout(Duration.ZERO)
          .withHandlerTimeout(Duration.ofSeconds(3));

  final RecordingEvents events = new RecordingEvents();
  final List<MllpListener> listeners = new ArrayList<>();

  @AfterEach
  void stopListeners() {
    listeners.forEach(l -> l.stop(Duration.ofSeconds(2)));
  }

  MllpListener start(MllpListener.Builder builder) throws IOException {
    MllpListener listener = builder.port(0).events(events).build();
    listeners.add(listener);
    listener.start();
    return listener;
  }

  MllpListener start(ListenerOptions options, MessageHandler handler) throws IOException {
    return start(
        MllpListener.builder().options(options).handler(handler).errorAnswer(Hl7::negative));
  }

  MllpListener startAsync(ListenerOptions options, AsyncMessageHandler handler) throws IOException {
    return start(
        MllpListener.builder().options(options).asyncHandler(handler).errorAnswer(Hl7::negative));
  }

  @Test
  void answers_a_frame_with_the_handlers_ack_and_counts_it() throws IOException {
    List<ConnectionInfo> seen = new CopyOnWriteArrayList<>();
    MllpListener listener =
        start(
            FAST,
            (frame, peer) -> {
              seen.add(peer);
              return Hl7.acceptAll(frame, peer);
            });

    try (PeerClient client = PeerClient.connect(listener.port())) {
      byte[] answer = client.sendFrame(Hl7.adtA08("C1")).readFrame(ANSWER);

      assertThat(Hl7.text(answer)).isEqualTo(Hl7.text(Hl7.ack("AA", "C1")));
    }
    assertThat(seen).singleElement().satisfies(p -> assertThat(p.tls()).isFalse());
    assertThat(seen.get(0).remote().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    await().until(() -> events.closed.size() == 1);
    assertThat(events.closed).containsExactly("normal");
    assertThat(events.framesReceived).hasValue(1);
    assertThat(events.bytesReceived).hasValue(Hl7.adtA08("C1").length);
    assertThat(events.answersSent).hasValue(1);
    assertThat(events.bytesSent).hasValue(Hl7.ack("AA", "C1").length);
  }

  @Test
  void answers_pipelined_frames_in_order() throws IOException {
    MllpListener listener = start(FAST, Hl7::acceptAll);

    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.send(frames(0, 300)); // 300 frames in one go, answers read afterwards
      List<byte[]> answers = client.readFrames(300, ANSWER);

      assertThat(answers.stream().map(MllpListenerIT::msa2)).containsExactlyElementsOf(ids(0, 300));
    }
  }

  @Test
  void answers_every_frame_sent_before_the_peer_half_closes() throws IOException {
    MllpListener listener = start(FAST, Hl7::acceptAll);

    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.send(frames(0, 20)).shutdownOutput();

      assertThat(client.readFrames(20, ANSWER).stream().map(MllpListenerIT::msa2))
          .containsExactlyElementsOf(ids(0, 20));
      assertThat(client.closedByListenerWithin(ANSWER)).isTrue();
    }
  }

  @Test
  void reassembles_frames_split_into_small_packets_with_pauses() throws IOException {
    MllpListener listener = start(FAST, Hl7::acceptAll);

    try (PeerClient client = PeerClient.connect(listener.port())) {
      // 7-byte packets 30 ms apart: slow, but each pause is within the 400 ms read timeout
      client.sendSlowly(frames(0, 2), 7, Duration.ofMillis(30));

      assertThat(client.readFrames(2, ANSWER).stream().map(MllpListenerIT::msa2))
          .containsExactly("C0", "C1");
    }
  }

  @Test
  void skips_garbage_between_frames_and_reports_it() throws IOException {
    MllpListener listener = start(FAST, Hl7::acceptAll);

    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.send(concat(bytes("junk\r\n"), frame("C1"), bytes("\n"), frame("C2")));

      assertThat(client.readFrames(2, ANSWER).stream().map(Hl7::outcome))
          .containsExactly("AA", "AA");
    }
    assertThat(events.problems(MllpError.GARBAGE_SKIPPED)).isEqualTo(2);
  }

  static Stream<Arguments> failingHandlers() {
    return Stream.of(
        Arguments.of(
            "throws an unchecked exception",
            (MessageHandler)
                (f, p) -> {
                  throw new IllegalStateException("database down");
                }),
        Arguments.of(
            "throws a checked exception",
            (MessageHandler)
                (f, p) -> {
                  throw new IOException("disk full");
                }),
        Arguments.of("answers null", (MessageHandler) (f, p) -> null),
        Arguments.of(
            "answers bytes that would break the framing",
            (MessageHandler) (f, p) -> concat(Hl7.acceptAll(f, p), EB)));
  }

  @ParameterizedTest(name = "handler {0}: AE from the error answer")
  @MethodSource("failingHandlers")
  void answers_with_the_error_answer_when_the_handler_cannot(String name, MessageHandler handler)
      throws IOException {
    MllpListener listener = start(FAST, handler);

    try (PeerClient client = PeerClient.connect(listener.port())) {
      byte[] answer = client.sendFrame(Hl7.adtA08("C7")).readFrame(ANSWER);

      assertThat(Hl7.outcome(answer)).isEqualTo("AE MLLP-016");
      assertThat(msa2(answer)).isEqualTo("C7");
      // the connection stays usable
      assertThat(Hl7.outcome(client.sendFrame(Hl7.adtA08("C8")).readFrame(ANSWER)))
          .isEqualTo("AE MLLP-016");
    }
    assertThat(events.problems(MllpError.HANDLER_FAILED)).isEqualTo(2);
  }

  static Stream<Arguments> failingStages() {
    return Stream.of(
        Arguments.of(
            "fails its stage",
            (AsyncMessageHandler)
                (f, p) -> CompletableFuture.failedFuture(new IllegalStateException("rollback"))),
        Arguments.of("returns no stage", (AsyncMessageHandler) (f, p) -> null),
        Arguments.of(
            "throws instead of returning a stage",
            (AsyncMessageHandler)
                (f, p) -> {
                  throw new IllegalStateException("queue full");
                }),
        Arguments.of(
            "completes with null",
            (AsyncMessageHandler) (f, p) -> CompletableFuture.supplyAsync(() -> null)));
  }

  @ParameterizedTest(name = "async handler {0}: AE from the error answer")
  @MethodSource("failingStages")
  void answers_with_the_error_answer_when_the_async_handler_cannot(
      String name, AsyncMessageHandler handler) throws IOException {
    MllpListener listener = startAsync(FAST, handler);

    try (PeerClient client = PeerClient.connect(listener.port())) {
      assertThat(Hl7.outcome(client.sendFrame(Hl7.adtA08("C7")).readFrame(ANSWER)))
          .isEqualTo("AE MLLP-016");
    }
  }

  @Test
  void answers_with_the_error_answer_when_the_handler_times_out() throws IOException {
    MllpListener listener =
        startAsync(
            FAST.withHandlerTimeout(Duration.ofMillis(300)),
            (f, p) -> new CompletableFuture<>()); // never completes

    try (PeerClient client = PeerClient.connect(listener.port())) {
      byte[] answer = client.sendFrame(Hl7.adtA08("C3")).readFrame(ANSWER);

      assertThat(Hl7.outcome(answer)).isEqualTo("AE MLLP-017");
      assertThat(msa2(answer)).isEqualTo("C3");
    }
  }

  @Test
  void rejects_a_too_large_frame_with_an_answer_and_reads_the_next_one() throws IOException {
    MllpListener listener = start(FAST.withMaxFrameSize(1_000), Hl7::acceptAll);
    byte[] large = concat(Hl7.adtA08("C9"), bytes("NTE|1||" + "x".repeat(5_000) + "\r"));

    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.sendFrame(large).sendFrame(Hl7.adtA08("C10"));
      List<byte[]> answers = client.readFrames(2, ANSWER);

      // the head kept from the too-large frame still names its control id
      assertThat(Hl7.outcome(answers.get(0))).isEqualTo("AE MLLP-004");
      assertThat(msa2(answers.get(0))).isEqualTo("C9");
      assertThat(Hl7.outcome(answers.get(1))).isEqualTo("AA");
      assertThat(msa2(answers.get(1))).isEqualTo("C10");
    }
  }

  @Test
  void rejects_a_frame_whose_end_block_lacks_the_carriage_return() throws IOException {
    MllpListener listener = start(FAST, Hl7::acceptAll);

    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.send(concat(SB, Hl7.adtA08("C5"), EB, frame("C6")));
      List<byte[]> answers = client.readFrames(2, ANSWER);

      assertThat(answers.stream().map(a -> Hl7.outcome(a) + " " + msa2(a)))
          .containsExactly("AE MLLP-003 C5", "AA C6");
    }
  }

  @Test
  void drops_an_unfinished_frame_when_a_new_one_starts() throws IOException {
    MllpListener listener = start(FAST, Hl7::acceptAll);

    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.send(concat(SB, bytes("MSH|^~\\&|cut short"), frame("C2")));

      assertThat(msa2(client.readFrame(ANSWER))).isEqualTo("C2");
    }
    assertThat(events.problems(MllpError.START_BLOCK_INSIDE_FRAME)).isEqualTo(1);
  }

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
  void writes_answers_in_frame_order_whatever_order_the_stages_complete_in() throws IOException {
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
      client.send(frames(1, 4));
      await().until(() -> stages.size() == 3);
      stages.get(2).complete(Hl7.acceptAll(frames.get(2), null));
      stages.get(1).complete(Hl7.acceptAll(frames.get(1), null));

      assertThat(client.closedByListenerWithin(Duration.ofMillis(300))).isFalse();
      assertThat(client.unreadAnswers()).isZero();

      stages.get(0).complete(Hl7.acceptAll(frames.get(0), null));
      assertThat(client.readFrames(3, ANSWER).stream().map(MllpListenerIT::msa2))
          .containsExactly("C1", "C2", "C3");
    }
    assertThat(frames.stream().map(Frame::sequence)).containsExactly(1L, 2L, 3L);
  }

  static Stream<Arguments> handlerKinds() {
    return Stream.of(Arguments.of("blocking handler"), Arguments.of("group commit"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handlerKinds")
  void serves_64_connections_each_pipelining_frames(String kind) throws Exception {
    int connections = 64;
    int perConnection = 100;
    try (GroupCommitter committer = new GroupCommitter()) {
      MllpListener listener =
          kind.equals("group commit")
              ? startAsync(FAST, committer::submit)
              : start(FAST, Hl7::acceptAll);
      List<CompletableFuture<List<String>>> clients = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        String prefix = "K" + c + "-";
        clients.add(
            CompletableFuture.supplyAsync(
                () -> pipeline(listener.port(), prefix, perConnection),
                command -> new Thread(command).start()));
      }
      for (int c = 0; c < connections; c++) {
        String prefix = "K" + c + "-";
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < perConnection; i++) {
          expected.add(prefix + i);
        }
        assertThat(clients.get(c).get()).containsExactlyElementsOf(expected);
      }
      if (kind.equals("group commit")) {
        assertThat(committer.messages()).isEqualTo(connections * perConnection);
        assertThat(committer.commits()).isLessThan(connections * perConnection);
      }
    }
    assertThat(events.answersSent).hasValue(connections * perConnection);
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
  void a_failing_events_hook_breaks_nothing() throws IOException {
    MllpListener listener =
        MllpListener.builder()
            .port(0)
            .options(FAST)
            .handler(Hl7::acceptAll)
            .errorAnswer(Hl7::negative)
            .events(
                new ListenerEvents() {
                  @Override
                  public void frameReceived(ConnectionInfo peer, int payloadBytes) {
                    throw new IllegalStateException("metrics registry closed");
                  }
                })
            .build();
    listeners.add(listener);
    listener.start();

    try (PeerClient client = PeerClient.connect(listener.port())) {
      assertThat(msa2(client.sendFrame(Hl7.adtA08("C1")).readFrame(ANSWER))).isEqualTo("C1");
    }
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

      assertThat(client.readFrames(2, ANSWER).stream().map(MllpListenerIT::msa2))
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

  // --- helpers

  /** Sends all frames at once, then reads all answers; returns their MSA-2s. */
  static List<String> pipeline(int port, String prefix, int count) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      all.writeBytes(MllpCodec.encode(Hl7.adtA08(prefix + i)));
    }
    try (PeerClient client = PeerClient.connect(port)) {
      client.send(all.toByteArray());
      return client.readFrames(count, Duration.ofSeconds(30)).stream()
          .map(MllpListenerIT::msa2)
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] frames(int from, int to) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = from; i < to; i++) {
      all.writeBytes(frame("C" + i));
    }
    return all.toByteArray();
  }

  static List<String> ids(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ids.add("C" + i);
    }
    return ids;
  }

  static byte[] frame(String controlId) {
    return MllpCodec.encode(Hl7.adtA08(controlId));
  }

  static String msa2(byte[] answer) {
    try {
      return AckReader.read(answer).controlId();
    } catch (MllpException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
