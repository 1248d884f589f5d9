package com.practicestudio.sandbox.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.mllp.MllpCodec;
import com.practicestudio.sandbox.CernerSandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each misbehaviour, seen from a bare TCP server that keeps every byte as it arrived. */
class MisbehaviourIT {

  static CernerSandbox sandbox;
  static Hl7Peer hl7;
  RawMllpServer server;

  @BeforeAll
  static void start() {
    sandbox = CernerSandbox.builder().patients(200).mllpPort(0).build().start();
    hl7 = sandbox.hl7();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void listen() throws Exception {
    server = new RawMllpServer();
  }

  @AfterEach
  void close() throws Exception {
    server.close();
  }

  Hl7Run send(int count, Misbehaviour misbehaviour) {
    return hl7.send(
        Hl7Script.to(server.target())
            .generate("ADT^A08", count)
            .ackTimeout(Duration.ofSeconds(5))
            .misbehave(misbehaviour)
            .build());
  }

  @Test
  void split_frames_arrive_in_pieces_over_time_and_still_make_the_message() {
    Hl7Run run = send(2, Misbehaviour.none().withSlowWrites(4, Duration.ofMillis(80)));
    assertThat(run.messages()).extracting(SentMessage::ackCode).containsExactly("AA", "AA");
    RawMllpServer.Connection connection = server.connections().get(0);
    List<RawMllpServer.Chunk> chunks = connection.chunks;
    assertThat(chunks.size()).isGreaterThanOrEqualTo(8);
    long firstFrameNanos = chunks.get(3).nanos() - chunks.get(0).nanos();
    assertThat(Duration.ofNanos(firstFrameNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(chunks.get(0).bytes()[0]).isEqualTo(MllpCodec.START_BLOCK);
    assertThat(connection.frames).hasSize(2);
    assertThat(Hl7Message.parse(connection.frames.get(0)).controlId())
        .isEqualTo(run.messages().get(0).controlId());
  }

  @Test
  void garbage_goes_before_each_start_block() {
    Hl7Run run = send(2, Misbehaviour.none().withGarbageBeforeFrame("NOISE\r\n"));
    assertThat(run.messages()).extracting(SentMessage::ackCode).containsExactly("AA", "AA");
    RawMllpServer.Connection connection = server.connections().get(0);
    byte[] bytes = connection.bytes();
    byte[] garbage = "NOISE\r\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Arrays.copyOf(bytes, garbage.length)).isEqualTo(garbage);
    assertThat(bytes[garbage.length]).isEqualTo(MllpCodec.START_BLOCK);
    int second = MllpCodec.FRAMING_BYTES + connection.frames.get(0).length + garbage.length;
    assertThat(Arrays.copyOfRange(bytes, second, second + garbage.length)).isEqualTo(garbage);
    assertThat(connection.frames).hasSize(2);
  }

  @Test
  void a_reset_cuts_one_frame_in_half_and_the_run_goes_on_over_a_new_connection() throws Exception {
    Hl7Run run = send(3, Misbehaviour.none().withResetMidFrameAt(2));
    assertThat(run.messages())
        .extracting(SentMessage::ackCode, SentMessage::error)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("AA", null),
            org.assertj.core.groups.Tuple.tuple(null, SentMessage.RESET_MID_FRAME),
            org.assertj.core.groups.Tuple.tuple("AA", null));
    List<RawMllpServer.Connection> connections = server.connections();
    assertThat(connections).hasSize(2);
    RawMllpServer.Connection cut = connections.get(0);
    awaitEnd(cut);
    assertThat(cut.end).startsWith("reset");
    assertThat(cut.frames).hasSize(1);
    int fullFrame =
        run.messages().get(1).message().getBytes(StandardCharsets.ISO_8859_1).length + 3;
    assertThat(cut.bytes().length - cut.frames.get(0).length - 3).isEqualTo(fullFrame / 2);
    assertThat(Hl7Message.parse(connections.get(1).frames.get(0)).controlId())
        .isEqualTo(run.messages().get(2).controlId());
  }

  @Test
  void duplicates_repeat_a_message_byte_for_byte_with_its_control_id() {
    Hl7Run run = send(4, Misbehaviour.none().withDuplicateEvery(2));
    List<SentMessage> sent = run.messages();
    assertThat(sent)
        .extracting(SentMessage::duplicateOf)
        .containsExactly(null, null, 2, null, null, 5);
    assertThat(sent.get(2).controlId()).isEqualTo(sent.get(1).controlId());
    assertThat(sent.get(5).controlId()).isEqualTo(sent.get(4).controlId());
    List<byte[]> frames = server.connections().get(0).frames;
    assertThat(frames).hasSize(6);
    assertThat(frames.get(2)).isEqualTo(frames.get(1));
    assertThat(frames.stream().map(f -> Hl7Message.parse(f).controlId()).distinct()).hasSize(4);
  }

  private static void awaitEnd(RawMllpServer.Connection connection) throws InterruptedException {
    for (int i = 0; i < 100 && connection.end == null; i++) {
      Thread.sleep(20);
    }
  }
}
