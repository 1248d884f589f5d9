package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against our listener and against fake peers that misbehave. */
class MllpSenderIT {
  static final Duration SHORT = Duration.ofMillis(500);

  MllpListener listener;

  @AfterEach
  void stop() {
    if (listener != null) {
      listener.stop(Duration.ofSeconds(2));
    }
  }

  int listen(MessageHandler handler, ListenerOptions options) throws IOException {
    listener =
        MllpListener.builder()
            .port(0)
            .options(options)
            .handler(handler)
            .errorAnswer(Hl7::negative)
            .build();
    listener.start();
    return listener.port();
  }

  static SenderOptions to(int port) {
    return SenderOptions.to("127.0.0.1", port)
        .withConnectTimeout(Duration.ofSeconds(2))
        .withAckTimeout(Duration.ofSeconds(5));
  }

  @Test
  void sends_messages_over_one_connection_and_checks_each_ack() throws IOException {
    int port = listen(Hl7::acceptAll, ListenerOptions.defaults());

    try (MllpSender sender = new MllpSender(to(port))) {
      for (int i = 0; i < 50; i++) {
        Ack ack = sender.sendAndCheck(Hl7.adtA08("S" + i), "S" + i);
        assertThat(ack.code()).isEqualTo(AckCode.AA);
        assertThat(ack.accepted()).isTrue();
      }
      assertThat(sender.isConnected()).isTrue();
    }
    assertThat(listener.connectionCount()).isLessThanOrEqualTo(1);
  }

  @Test
  void returns_negative_acks_as_answers() throws IOException {
    int port =
        listen((f, p) -> Hl7.ack("AR", Hl7.controlId(f.payload())), ListenerOptions.defaults());

    try (MllpSender sender = new MllpSender(to(port))) {
      Ack ack = sender.sendAndCheck(Hl7.adtA08("S1"), "S1");

      assertThat(ack.code()).isEqualTo(AckCode.AR);
      assertThat(ack.accepted()).isFalse();
    }
  }

  @Test
  void reports_an_ack_for_another_message() throws IOException {
    int port = listen((f, p) -> Hl7.ack("AA", "SOMEONE-ELSE"), ListenerOptions.defaults());

    try (MllpSender sender = new MllpSender(to(port))) {
      assertThatThrownBy(() -> sender.sendAndCheck(Hl7.adtA08("S1"), "S1"))
          .isInstanceOfSatisfying(
              MllpException.class,
              e -> assertThat(e.error()).isEqualTo(MllpError.ACK_CONTROL_ID_MISMATCH));
    }
  }

  @Test
  void sends_again_on_a_new_connection_when_the_peer_closed_the_idle_one() throws IOException {
    int port =
        listen(Hl7::acceptAll, ListenerOptions.defaults().withIdleTimeout(Duration.ofMillis(200)));

    try (MllpSender sender = new MllpSender(to(port))) {
      sender.sendAndCheck(Hl7.adtA08("S1"), "S1");
      PeerClient.sleep(Duration.ofMillis(800)); // the listener closes the idle connection

      assertThat(sender.sendAndCheck(Hl7.adtA08("S2"), "S2").accepted()).isTrue();
    }
  }

  @Test
  void backs_off_between_connection_attempts_then_gives_up() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort(); // nothing listens there any more
    }
    List<Duration> waits = new CopyOnWriteArrayList<>();
    ReconnectPolicy policy =
        new ReconnectPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250), 2.0);

    try (MllpSender sender = new MllpSender(to(closedPort).withReconnect(policy), waits::add)) {
      assertThatThrownBy(() -> sender.send(Hl7.adtA08("S1")))
          .isInstanceOfSatisfying(
              MllpException.class, e -> assertThat(e.error()).isEqualTo(MllpError.CONNECT_FAILED))
          .hasMessageContaining("127.0.0.1:" + closedPort);
    }
    assertThat(waits)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
  }

  @Test
  void connects_once_the_peer_comes_up() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int freePort = port;
    List<Duration> waits = new CopyOnWriteArrayList<>();
    ReconnectPolicy policy =
        new ReconnectPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1), 2);
    // the listener starts during the first wait
    Sleeper startListenerWhileWaiting =
        d -> {
          waits.add(d);
          if (listener == null) {
            listener =
                MllpListener.builder()
                    .bindAddress(new java.net.InetSocketAddress(freePort))
                    .handler(Hl7::acceptAll)
                    .errorAnswer(Hl7::negative)
                    .build();
            try {
              listener.start();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
        };

    try (MllpSender sender =
        new MllpSender(to(port).withReconnect(policy), startListenerWhileWaiting)) {
      assertThat(sender.sendAndCheck(Hl7.adtA08("S1"), "S1").accepted()).isTrue();
    }
    assertThat(waits).containsExactly(Duration.ofMillis(50));
  }

  @Test
  void times_out_when_no_ack_comes_and_uses_a_new_connection_next_time() throws IOException {
    try (ScriptedPeer silent =
            new ScriptedPeer(
                socket -> {
                  while (ScriptedPeer.readFrame(socket) != null) {
                    // reads, never answers
                  }
                });
        MllpSender sender =
            new MllpSender(
                to(silent.port()).withAckTimeout(SHORT).withReconnect(ReconnectPolicy.once()))) {
      for (int i = 0; i < 2; i++) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> sender.send(Hl7.adtA08("S1")))
            .isInstanceOfSatisfying(
                MllpException.class, e -> assertThat(e.error()).isEqualTo(MllpError.ACK_TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(SHORT);
        assertThat(sender.isConnected()).isFalse();
      }
      assertThat(silent.connections()).isEqualTo(2);
    }
  }

  @Test
  void reports_an_answer_that_is_not_a_frame() throws IOException {
    try (ScriptedPeer plain =
            new ScriptedPeer(
                socket -> {
                  ScriptedPeer.readFrame(socket);
                  socket.getOutputStream().write("OK\r\n".getBytes(StandardCharsets.US_ASCII));
                  PeerClient.sleep(Duration.ofSeconds(2));
                });
        MllpSender sender = new MllpSender(to(plain.port()).withAckTimeout(SHORT))) {
      assertThatThrownBy(() -> sender.send(Hl7.adtA08("S1")))
          .isInstanceOfSatisfying(
              MllpException.class,
              e -> assertThat(e.error()).isEqualTo(MllpError.ANSWER_MALFORMED));
    }
  }

  @Test
  void reports_a_malformed_answer_frame() throws IOException {
    try (ScriptedPeer sloppy =
            new ScriptedPeer(
                socket -> {
                  ScriptedPeer.readFrame(socket);
                  OutputStream out = socket.getOutputStream();
                  out.write(
                      ListenerFixture.concat(
                          new byte[] {0x0B}, Hl7.ack("AA", "S1"), new byte[] {0x1C, '\n'}));
                  PeerClient.sleep(Duration.ofSeconds(2));
                });
        MllpSender sender = new MllpSender(to(sloppy.port()))) {
      assertThatThrownBy(() -> sender.send(Hl7.adtA08("S1")))
          .isInstanceOfSatisfying(
              MllpException.class, e -> assertThat(e.error()).isEqualTo(MllpError.ANSWER_MALFORMED))
          .hasMessageContaining("MLLP-003");
    }
  }

  @Test
  void reports_a_too_large_answer() throws IOException {
    try (ScriptedPeer verbose =
            new ScriptedPeer(
                socket -> {
                  ScriptedPeer.readFrame(socket);
                  socket.getOutputStream().write(MllpCodec.encode(new byte[5_000]));
                  PeerClient.sleep(Duration.ofSeconds(2));
                });
        MllpSender sender = new MllpSender(to(verbose.port()).withMaxFrameSize(1_000))) {
      assertThatThrownBy(() -> sender.send(Hl7.adtA08("S1")))
          .isInstanceOfSatisfying(
              MllpException.class,
              e -> assertThat(e.error()).isEqualTo(MllpError.ANSWER_TOO_LARGE));
    }
  }

  @Test
  void reports_a_peer_that_closes_instead_of_answering() throws IOException {
    try (ScriptedPeer rude = new ScriptedPeer(ScriptedPeer::readFrame);
        MllpSender sender = new MllpSender(to(rude.port()))) {
      assertThatThrownBy(() -> sender.send(Hl7.adtA08("S1")))
          .isInstanceOfSatisfying(
              MllpException.class,
              e -> assertThat(e.error()).isEqualTo(MllpError.CONNECTION_CLOSED));
      assertThat(rude.connections()).isEqualTo(1); // a fresh connection is not retried
    }
  }

  @Test
  void drops_a_second_answer_so_it_cannot_pass_for_the_next_one() throws IOException {
    try (ScriptedPeer chatty =
            new ScriptedPeer(
                socket -> {
                  for (byte[] m = ScriptedPeer.readFrame(socket);
                      m != null;
                      m = ScriptedPeer.readFrame(socket)) {
                    String id = Hl7.controlId(m);
                    socket.getOutputStream().write(MllpCodec.encode(Hl7.ack("AA", id)));
                    socket.getOutputStream().flush();
                    PeerClient.sleep(Duration.ofMillis(50));
                    socket.getOutputStream().write(MllpCodec.encode(Hl7.ack("AA", id)));
                  }
                });
        MllpSender sender = new MllpSender(to(chatty.port()))) {
      sender.sendAndCheck(Hl7.adtA08("S1"), "S1");
      PeerClient.sleep(Duration.ofMillis(200));

      assertThat(sender.sendAndCheck(Hl7.adtA08("S2"), "S2").controlId()).isEqualTo("S2");
    }
  }

  @Test
  void refuses_messages_that_would_break_the_framing_and_sends_after_close() throws IOException {
    int port = listen(Hl7::acceptAll, ListenerOptions.defaults());
    MllpSender sender = new MllpSender(to(port));

    assertThatThrownBy(() -> sender.send(new byte[] {'M', 0x1C}))
        .isInstanceOfSatisfying(
            MllpException.class,
            e -> assertThat(e.error()).isEqualTo(MllpError.PAYLOAD_CONTAINS_BLOCK_BYTE));
    sender.close();
    assertThatThrownBy(() -> sender.send(Hl7.adtA08("S1")))
        .isInstanceOfSatisfying(
            MllpException.class, e -> assertThat(e.error()).isEqualTo(MllpError.SENDER_CLOSED));
  }
}
