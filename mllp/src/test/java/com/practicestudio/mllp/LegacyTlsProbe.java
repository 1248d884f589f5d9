package com.practicestudio.mllp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Run by {@link MllpTlsIT} in a JVM of its own whose security settings let TLS 1.0 and 1.1 through,
 * so that what keeps an old peer out is the listener and not the JDK's defaults. Prints one line
 * per finding for the test to check:
 *
 * <ol>
 *   <li>{@code control TLSv1.1}: a plain JDK server socket in this JVM does speak TLS 1.1;
 *   <li>{@code listener TLSv1.1 refused} (or {@code accepted}): our listener and a TLS 1.1 peer;
 *   <li>{@code listener TLSv1.2 AA}: the same listener and a TLS 1.2 peer;
 *   <li>{@code events [TLS_HANDSHAKE_FAILED]}: what the listener reported as refused.
 * </ol>
 *
 * Argument: the folder holding the certificates {@link MllpTlsIT} made.
 */
final class LegacyTlsProbe {

  private LegacyTlsProbe() {}

  public static void main(String[] args) throws Exception {
    TestCertificates certs = new TestCertificates(Path.of(args[0]));
    SSLContext server = certs.context("server", MllpTlsIT.SERVER_TRUSTS);
    SSLContext client = certs.context(null, MllpTlsIT.CLIENT_TRUSTS);

    System.out.println("control " + controlProtocol(server, client));

    RecordingEvents events = new RecordingEvents();
    MllpListener listener =
        MllpListener.builder()
            .port(0)
            .tls(new ListenerTls(server, ListenerTls.ClientAuth.NONE))
            .handler(Hl7::acceptAll)
            .errorAnswer(Hl7::negative)
            .events(events)
            .build();
    listener.start();
    try {
      try (PeerClient old = PeerClient.connectTls(listener.port(), client, "TLSv1.1")) {
        System.out.println("listener TLSv1.1 accepted " + protocol(old));
      } catch (IOException e) {
        System.out.println("listener TLSv1.1 refused");
      }
      try (PeerClient modern = PeerClient.connectTls(listener.port(), client, "TLSv1.2")) {
        byte[] answer = modern.sendFrame(Hl7.adtA08("T1")).readFrame(MllpTlsIT.ANSWER);
        System.out.println("listener TLSv1.2 " + Hl7.outcome(answer));
      }
      long deadline = System.nanoTime() + MllpTlsIT.ANSWER.toNanos();
      while (events.refused.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      System.out.println("events " + events.refused.stream().map(MllpError::name).toList());
    } finally {
      listener.stop(Duration.ofSeconds(2));
    }
  }

  /** The protocol a JDK server socket limited to TLS 1.1 agrees with a TLS 1.1 client. */
  private static String controlProtocol(SSLContext server, SSLContext client) throws Exception {
    try (SSLServerSocket socket =
        (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0)) {
      socket.setEnabledProtocols(new String[] {"TLSv1.1"});
      CompletableFuture<Void> accepted =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket peer = (SSLSocket) socket.accept()) {
                  peer.startHandshake();
                } catch (IOException e) {
                  // the client side reports the outcome
                }
              });
      try (PeerClient old = PeerClient.connectTls(socket.getLocalPort(), client, "TLSv1.1")) {
        return protocol(old);
      } catch (IOException e) {
        return "refused: " + e.getMessage();
      } finally {
        accepted.join();
      }
    }
  }

  private static String protocol(PeerClient peer) {
    return ((SSLSocket) peer.socket()).getSession().getProtocol();
  }
}
