package com.practicestudio.mllp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake MLLP receiver for sender tests: every accepted connection runs the given behaviour. */
final class ScriptedPeer implements AutoCloseable {

  /** What the peer does with one connection. */
  @FunctionalInterface
  interface Behaviour {
    void serve(Socket socket) throws IOException;
  }

  private final ServerSocket server;
  private final Behaviour behaviour;
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  ScriptedPeer(Behaviour behaviour) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.behaviour = behaviour;
    this.acceptor = new Thread(this::accept, "scripted-peer");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        Thread t =
            new Thread(
                () -> {
                  try (socket) {
                    behaviour.serve(socket);
                  } catch (IOException e) {
                    // the sender went away
                  }
                });
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Reads one frame from the socket (blocking), or null at the end of the stream. */
  static byte[] readFrame(Socket socket) throws IOException {
    MllpDecoder decoder = new MllpDecoder(1 << 20);
    byte[][] frame = new byte[1][];
    FrameSink sink =
        new FrameSink() {
          @Override
          public void frame(byte[] payload) {
            frame[0] = payload;
          }

          @Override
          public void rejected(MllpError reason, byte[] content, long length) {}

          @Override
          public void discarded(MllpError reason, long bytes) {}
        };
    byte[] one = new byte[1];
    while (frame[0] == null) {
      int b = socket.getInputStream().read();
      if (b < 0) {
        return null;
      }
      one[0] = (byte) b;
      decoder.feed(one, sink);
    }
    return frame[0];
  }

  static InetSocketAddress address(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
