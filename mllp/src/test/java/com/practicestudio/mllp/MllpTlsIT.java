package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS 1.2+ between sender and listener, with self-signed certificates made for the test. */
class MllpTlsIT {
  static final Duration ANSWER = Duration.ofSeconds(5);

  static final String[] CLIENT_TRUSTS = {"server", "elsewhere"};
  static final String SERVER_TRUSTS = "client";

  @TempDir static Path dir;
  static TestCertificates certs;

  final RecordingEvents events = new RecordingEvents();
  final List<ConnectionInfo> peers = new CopyOnWriteArrayList<>();
  MllpListener listener;

  @BeforeAll
  static void makeCertificates() throws IOException {
    certs = new TestCertificates(dir);
    certs.keyPair("server", "CN=localhost", "dns:localhost,ip:127.0.0.1");
    certs.keyPair("elsewhere", "CN=other.example", "dns:other.example");
    certs.keyPair("client", "CN=cerner-interface,O=Test Hospital", null);
    certs.keyPair("stranger", "CN=stranger", null);
  }

  @AfterEach
  void stop() {
    if (listener != null) {
      listener.stop(Duration.ofSeconds(2));
    }
  }

  int listen(String key, ListenerTls.ClientAuth clientAuth)
      throws IOException, GeneralSecurityException {
    listener =
        MllpListener.builder()
            .port(0)
            .tls(new ListenerTls(certs.context(key, SERVER_TRUSTS), clientAuth))
            .options(ListenerOptions.defaults().withReceiveTimeout(Duration.ofSeconds(3)))
            .handler(
                (frame, peer) -> {
                  peers.add(peer);
                  return Hl7.acceptAll(frame, peer);
                })
            .errorAnswer(Hl7::negative)
            .events(events)
            .build();
    listener.start();
    return listener.port();
  }

  MllpSender sender(int port, SSLContext context) {
    return new MllpSender(
        SenderOptions.to("127.0.0.1", port)
            .withTls(context)
            .withConnectTimeout(Duration.ofSeconds(5))
            .withReconnect(ReconnectPolicy.once()));
  }

  @Test
  void exchanges_messages_over_tls() throws Exception {
    int port = listen("server", ListenerTls.ClientAuth.NONE);

    try (MllpSender sender = sender(port, certs.context(null, CLIENT_TRUSTS))) {
      assertThat(sender.sendAndCheck(Hl7.adtA08("T1"), "T1").accepted()).isTrue();
      assertThat(sender.sendAndCheck(Hl7.adtA08("T2"), "T2").accepted()).isTrue();
    }
    assertThat(peers).hasSize(2);
    assertThat(peers.get(0).tls()).isTrue();
    assertThat(peers.get(0).tlsProtocol()).isEqualTo("TLSv1.3");
    assertThat(peers.get(0).client()).isEmpty();
  }

  @Test
  void speaks_tls_1_2_with_a_peer_that_only_knows_1_2() throws Exception {
    int port = listen("server", ListenerTls.ClientAuth.NONE);

    try (PeerClient client =
        PeerClient.connectTls(port, certs.context(null, CLIENT_TRUSTS), "TLSv1.2")) {
      assertThat(Hl7.outcome(client.sendFrame(Hl7.adtA08("T1")).readFrame(ANSWER))).isEqualTo("AA");
    }
    assertThat(peers.get(0).tlsProtocol()).isEqualTo("TLSv1.2");
  }

  /**
   * The JDK already disables TLS 1.0 and 1.1, so in this JVM an old peer would be turned away
   * whatever the listener did. {@link LegacyTlsProbe} runs in a JVM of its own where the security
   * settings let them through again (this JVM's settings stay as they are for the other tests):
   * there a plain JDK server socket speaks TLS 1.1, and our listener still refuses it.
   */
  @Test
  void refuses_a_peer_limited_to_tls_1_1_even_where_the_jdk_allows_it() throws Exception {
    Path settings = dir.resolve("legacy-tls.security");
    Files.writeString(
        settings,
        "jdk.tls.disabledAlgorithms="
            + withoutOldTls(Security.getProperty("jdk.tls.disabledAlgorithms"))
            + "\n");
    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + settings,
                "-cp",
                System.getProperty("java.class.path"),
                LegacyTlsProbe.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = probe.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(probe.exitValue()).as(output).isZero();
    assertThat(output.lines())
        .as(output)
        .contains(
            "control TLSv1.1",
            "listener TLSv1.1 refused",
            "listener TLSv1.2 AA",
            "events [TLS_HANDSHAKE_FAILED]");
  }

  /** The JDK's list of disabled TLS algorithms without TLSv1 and TLSv1.1. */
  static String withoutOldTls(String disabled) {
    String kept =
        Arrays.stream(disabled.split(","))
            .map(String::trim)
            .filter(entry -> !entry.equals("TLSv1") && !entry.equals("TLSv1.1"))
            .collect(Collectors.joining(", "));
    assertThat(kept).isNotEqualTo(disabled.trim());
    return kept;
  }

  @Test
  void required_client_certificates_let_trusted_clients_in_and_name_them() throws Exception {
    int port = listen("server", ListenerTls.ClientAuth.REQUIRED);

    try (MllpSender sender = sender(port, certs.context("client", CLIENT_TRUSTS))) {
      assertThat(sender.sendAndCheck(Hl7.adtA08("T1"), "T1").accepted()).isTrue();
    }
    assertThat(peers.get(0).client())
        .hasValueSatisfying(p -> assertThat(p.getName()).contains("CN=cerner-interface"));
  }

  @Test
  void required_client_certificates_keep_out_clients_without_a_trusted_one() throws Exception {
    int port = listen("server", ListenerTls.ClientAuth.REQUIRED);

    for (String key : new String[] {null, "stranger"}) {
      try (MllpSender sender = sender(port, certs.context(key, CLIENT_TRUSTS))) {
        // with TLS 1.3 the client may finish its side first and see the refusal on its first read
        assertThatThrownBy(() -> sender.send(Hl7.adtA08("T1")))
            .isInstanceOfSatisfying(
                MllpException.class,
                e ->
                    assertThat(e.error())
                        .isIn(MllpError.TLS_HANDSHAKE_FAILED, MllpError.CONNECTION_CLOSED));
      }
    }
    await().until(() -> events.refused.size() == 2);
    assertThat(events.refused).containsOnly(MllpError.TLS_HANDSHAKE_FAILED);
    assertThat(peers).isEmpty();
  }

  @Test
  void optional_client_certificates_accept_clients_with_or_without_one() throws Exception {
    int port = listen("server", ListenerTls.ClientAuth.OPTIONAL);

    try (MllpSender anonymous = sender(port, certs.context(null, CLIENT_TRUSTS));
        MllpSender known = sender(port, certs.context("client", CLIENT_TRUSTS))) {
      assertThat(anonymous.sendAndCheck(Hl7.adtA08("T1"), "T1").accepted()).isTrue();
      assertThat(known.sendAndCheck(Hl7.adtA08("T2"), "T2").accepted()).isTrue();
    }
    assertThat(peers.get(0).client()).isEmpty();
    assertThat(peers.get(1).client()).isPresent();
  }

  @Test
  void refuses_a_plain_tcp_peer_on_a_tls_port() throws Exception {
    int port = listen("server", ListenerTls.ClientAuth.NONE);

    try (PeerClient plain = PeerClient.connect(port)) {
      plain.sendFrame(Hl7.adtA08("T1"));

      assertThat(plain.closedByListenerWithin(ANSWER)).isTrue();
    }
    await().until(() -> events.refused.contains(MllpError.TLS_HANDSHAKE_FAILED));
    assertThat(peers).isEmpty();
  }

  @Test
  void the_sender_refuses_a_listener_it_does_not_trust() throws Exception {
    int port = listen("server", ListenerTls.ClientAuth.NONE);

    try (MllpSender sender = sender(port, certs.context(null, "stranger"))) {
      assertThatThrownBy(() -> sender.send(Hl7.adtA08("T1")))
          .isInstanceOfSatisfying(
              MllpException.class,
              e -> assertThat(e.error()).isEqualTo(MllpError.TLS_HANDSHAKE_FAILED));
    }
  }

  @Test
  void the_sender_checks_the_certificate_names_the_host_unless_told_not_to() throws Exception {
    int port = listen("elsewhere", ListenerTls.ClientAuth.NONE); // a trusted cert for other.example
    SSLContext trusting = certs.context(null, CLIENT_TRUSTS);

    try (MllpSender strict = sender(port, trusting)) {
      assertThatThrownBy(() -> strict.send(Hl7.adtA08("T1")))
          .isInstanceOfSatisfying(
              MllpException.class,
              e -> assertThat(e.error()).isEqualTo(MllpError.TLS_HANDSHAKE_FAILED));
    }
    try (MllpSender lenient =
        new MllpSender(
            SenderOptions.to("127.0.0.1", port).withTls(trusting).withVerifyHostname(false))) {
      assertThat(lenient.sendAndCheck(Hl7.adtA08("T2"), "T2").accepted()).isTrue();
    }
  }
}
