package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A peer that misbehaves on purpose against a live listener: split frames, several frames in one
 * write, byte-by-byte writes, garbage, resets, stalls, oversized and badly ended frames. After each
 * the listener still answers a well-behaved message.
 */
@Hl7IntegrationTest
class MisbehavingPeerIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @Autowired Hl7Interfaces interfaces;
  @Autowired InterfaceRegistry registry;
  @Autowired JdbcClient jdbc;

  private Hl7Interface itf;
  private int port;

  @BeforeEach
  void listener() {
    TestInterfaces make = new TestInterfaces(interfaces, registry);
    itf = make.listener(null, null);
    port = make.port(itf);
  }

  @AfterEach
  void stillAnswers() throws IOException {
    String id = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.send(Hl7Samples.adt("A08", id, "M" + id));
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + id);
    }
    interfaces.delete(itf.id());
  }

  private static byte[] framed(String id) {
    return MllpPeer.frame(Hl7Samples.adt("A04", id, "M" + id).getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void a_frame_split_across_writes_is_answered() throws Exception {
    String id = Hl7Samples.unique();
    byte[] frame = framed(id);
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.write(Arrays.copyOfRange(frame, 0, 7));
      Thread.sleep(150);
      peer.write(Arrays.copyOfRange(frame, 7, frame.length - 1));
      Thread.sleep(150);
      peer.write(Arrays.copyOfRange(frame, frame.length - 1, frame.length));
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + id);
    }
  }

  @Test
  void several_frames_in_one_write_are_answered_in_order() throws Exception {
    String[] ids = {Hl7Samples.unique(), Hl7Samples.unique(), Hl7Samples.unique()};
    byte[] all = new byte[0];
    for (String id : ids) {
      byte[] f = framed(id);
      byte[] joined = Arrays.copyOf(all, all.length + f.length);
      System.arraycopy(f, 0, joined, all.length, f.length);
      all = joined;
    }
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.write(all);
      for (String id : ids) {
        assertThat(peer.answer(WAIT)).contains("MSA|AA|" + id);
      }
    }
  }

  @Test
  void a_slow_writer_sending_byte_by_byte_is_answered() throws Exception {
    String id = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(port)) {
      for (byte b : framed(id)) {
        peer.write(new byte[] {b});
        Thread.sleep(2);
      }
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + id);
    }
  }

  @Test
  void garbage_before_the_start_block_is_skipped() throws Exception {
    String id = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      peer.write(framed(id));
      assertThat(peer.answer(WAIT)).contains("MSA|AA|" + id);
    }
  }

  @Test
  void a_reset_inside_a_frame_stores_nothing() throws Exception {
    String id = Hl7Samples.unique();
    byte[] frame = framed(id);
    MllpPeer peer = new MllpPeer(port);
    peer.write(Arrays.copyOf(frame, frame.length / 2));
    Thread.sleep(100);
    peer.reset();
    Thread.sleep(300);
    assertThat(stored(id)).isZero();
  }

  @Test
  void a_reset_after_a_whole_frame_still_stores_it_once() throws Exception {
    String id = Hl7Samples.unique();
    MllpPeer peer = new MllpPeer(port);
    peer.write(framed(id));
    peer.reset();
    org.awaitility.Awaitility.await().atMost(WAIT).until(() -> stored(id) == 1);
  }

  @Test
  void a_peer_stalling_inside_a_frame_is_cut_off_after_the_read_timeout() throws Exception {
    String id = Hl7Samples.unique();
    byte[] frame = framed(id);
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.write(Arrays.copyOf(frame, 20));
      // the test listener's read timeout is 2 s: the connection is closed without an answer
      long started = System.nanoTime();
      assertThat(peer.silentFor(Duration.ofSeconds(6))).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }
    assertThat(stored(id)).isZero();
  }

  @Test
  void an_oversized_frame_is_refused_with_hl7_055_and_not_stored() throws Exception {
    String id = Hl7Samples.unique();
    String big = Hl7Samples.adt("A04", id, "M1") + "NTE|1||" + "x".repeat(70 * 1024) + "\r";
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.send(big);
      String ack = peer.answer(WAIT);
      assertThat(ack).contains("MSA|AR|" + id).contains("HL7-055");
    }
    assertThat(stored(id)).isZero();
  }

  @Test
  void an_end_block_without_carriage_return_is_refused_with_hl7_056() throws Exception {
    String id = Hl7Samples.unique();
    byte[] frame = framed(id);
    frame[frame.length - 1] = 'X';
    try (MllpPeer peer = new MllpPeer(port)) {
      peer.write(frame);
      assertThat(peer.answer(WAIT)).contains("MSA|AR|" + id).contains("HL7-056");
    }
  }

  @Test
  void random_bytes_with_stray_block_characters_do_not_hurt_the_listener() throws Exception {
    Random random = new Random(42);
    try (MllpPeer peer = new MllpPeer(port)) {
      for (int i = 0; i < 20; i++) {
        byte[] junk = new byte[200 + random.nextInt(2000)];
        random.nextBytes(junk);
        peer.write(junk);
      }
    } catch (IOException e) {
      // the listener may close a connection that sends nonsense: fine
    }
  }

  private long stored(String id) {
    return jdbc.sql("SELECT count(*) FROM exchange WHERE endpoint = ? AND message_id = ?")
        .params(itf.name(), id)
        .query(Long.class)
        .single();
  }
}
