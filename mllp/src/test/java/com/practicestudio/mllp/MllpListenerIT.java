package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The listener against real sockets: answers, pipelining, ordering, failures turned into answers.
 */
class MllpListenerIT extends ListenerFixture {
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

      assertThat(answers.stream().map(ListenerFixture::msa2))
          .containsExactlyElementsOf(ids(0, 300));
    }
  }

  @Test
  void answers_every_frame_sent_before_the_peer_half_closes() throws IOException {
    MllpListener listener = start(FAST, Hl7::acceptAll);

    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.send(frames(0, 20)).shutdownOutput();

      assertThat(client.readFrames(20, ANSWER).stream().map(ListenerFixture::msa2))
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

      assertThat(client.readFrames(2, ANSWER).stream().map(ListenerFixture::msa2))
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

  @Test
  void a_handler_failure_is_logged_by_its_type_only_even_at_debug() throws IOException {
    // simplelogger.properties logs AnswerWriter at debug; exception messages can quote the message
    MllpListener listener =
        start(
            FAST,
            (f, p) -> {
              throw new IllegalStateException("bad PID-3 in PID|1||SECRET-MRN^^^HOSP^MR");
            });
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (PeerClient client = PeerClient.connect(listener.port())) {
      client.sendFrame(Hl7.adtA08("C7")).readFrame(ANSWER); // logged before it is answered
    } finally {
      System.setErr(stderr);
    }
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("MLLP-016", "java.lang.IllegalStateException")
        .doesNotContain("SECRET-MRN");
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
      assertThat(client.readFrames(3, ANSWER).stream().map(ListenerFixture::msa2))
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
}
