package com.practicestudio.mllp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A raw MLLP client for listener tests that misbehaves on purpose: writes arbitrary bytes, splits
 * frames with pauses, stops mid-frame, resets the connection, or never reads.
 */
final class PeerClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final MllpDecoder decoder = new MllpDecoder(16 * 1024 * 1024);
  private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
  private final FrameSink sink =
      new FrameSink() {
        @Override
        public void frame(byte[] payload) {
          frames.add(payload);
        }

        @Override
        public void rejected(MllpError reason, byte[] content, long length) {
          throw new AssertionError("listener sent a malformed frame: " + reason);
        }

        @Override
        public void discarded(MllpError reason, long bytes) {
          throw new AssertionError("listener sent bytes outside frames: " + reason);
        }
      };

  private PeerClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  static PeerClient connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    return new PeerClient(socket);
  }

  static PeerClient connectTls(int port, SSLContext context, String... protocols)
      throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
    if (protocols.length > 0) {
      socket.setEnabledProtocols(protocols);
    }
    socket.setSoTimeout(5_000);
    socket.startHandshake();
    return new PeerClient(socket);
  }

  Socket socket() {
    return socket;
  }

  PeerClient send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  PeerClient sendFrame(byte[] payload) throws IOException {
    return send(MllpCodec.encode(payload));
  }

  /** Writes in pieces of {@code piece} bytes with a pause between them. */
  PeerClient sendSlowly(byte[] bytes, int piece, Duration pause) throws IOException {
    for (int at = 0; at < bytes.length; at += piece) {
      out.write(bytes, at, Math.min(piece, bytes.length - at));
      out.flush();
      sleep(pause);
    }
    return this;
  }

  /** The next answer frame, or an AssertionError after the timeout. */
  byte[] readFrame(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buffer = new byte[64 * 1024];
    while (frames.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no answer within " + timeout);
      }
      socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("no answer within " + timeout);
      }
      if (n < 0) {
        throw new AssertionError("connection closed by the listener before an answer");
      }
      decoder.feed(buffer, 0, n, sink);
    }
    return frames.poll();
  }

  List<byte[]> readFrames(int count, Duration timeout) throws IOException {
    List<byte[]> answers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      answers.add(readFrame(timeout));
    }
    return answers;
  }

  /** True when the listener closes the connection within the timeout (no answer bytes expected). */
  boolean closedByListenerWithin(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buffer = new byte[4096];
    while (System.nanoTime() < deadline) {
      socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      try {
        int n = in.read(buffer);
        if (n < 0) {
          return true;
        }
        decoder.feed(buffer, 0, n, sink);
      } catch (SocketTimeoutException e) {
        return false;
      } catch (SocketException e) {
        return true; // reset
      }
    }
    return false;
  }

  /** Answers already decoded but not read by the test. */
  int unreadAnswers() {
    return frames.size();
  }

  /** Ends abruptly: RST instead of FIN. */
  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
