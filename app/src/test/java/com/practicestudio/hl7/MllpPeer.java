package com.practicestudio.hl7;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A raw MLLP client for tests: writes exactly the bytes it is told to (whole frames, halves,
 * garbage, byte by byte) and reads answer frames, so it can misbehave on purpose.
 */
public final class MllpPeer implements AutoCloseable {

  static final byte START = 0x0B;
  static final byte END = 0x1C;
  static final byte CR = 0x0D;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public MllpPeer(int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setTcpNoDelay(true);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  static byte[] frame(byte[] payload) {
    byte[] framed = new byte[payload.length + 3];
    framed[0] = START;
    System.arraycopy(payload, 0, framed, 1, payload.length);
    framed[payload.length + 1] = END;
    framed[payload.length + 2] = CR;
    return framed;
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  public void send(byte[] payload) throws IOException {
    write(frame(payload));
  }

  void send(String payload) throws IOException {
    send(payload.getBytes(StandardCharsets.UTF_8));
  }

  /** The next answer frame's payload as text; throws on timeout or end of stream. */
  public String answer(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    int b;
    do {
      b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before an answer");
      }
    } while (b != START);
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    while (true) {
      b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside an answer");
      }
      if (b == END) {
        in.read(); // CR
        return payload.toString(StandardCharsets.ISO_8859_1);
      }
      payload.write(b);
    }
  }

  /** True when nothing arrives within {@code wait}. */
  boolean silentFor(Duration wait) throws IOException {
    socket.setSoTimeout((int) wait.toMillis());
    try {
      in.read();
      return false;
    } catch (SocketTimeoutException e) {
      return true;
    }
  }

  /** Closes with a TCP reset (SO_LINGER 0). */
  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
