package com.practicestudio.sandbox.hl7;

import com.practicestudio.mllp.FrameSink;
import com.practicestudio.mllp.MllpCodec;
import com.practicestudio.mllp.MllpDecoder;
import com.practicestudio.mllp.MllpError;
import com.practicestudio.mllp.MllpException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One MLLP connection written by hand (frames from {@link MllpCodec}, answers through {@link
 * MllpDecoder}), for what {@code MllpSender} deliberately does not do: several frames in flight,
 * frames split into pieces or written slowly, garbage before a frame, a reset in the middle of one.
 * A reader thread queues the answers with their arrival time.
 */
final class ScriptedConnection implements Closeable {

  /** An answer frame and when it arrived ({@link System#nanoTime()}). */
  record Arrival(byte[] payload, long nanos) {}

  private static final Arrival CLOSED = new Arrival(new byte[0], 0);
  private static final int MAX_ANSWER_BYTES = 1024 * 1024;

  private final Socket socket;
  private final OutputStream out;
  private final BlockingQueue<Arrival> answers = new LinkedBlockingQueue<>();
  private volatile MllpError closedBecause = MllpError.CONNECTION_CLOSED;

  private ScriptedConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    Thread reader = new Thread(() -> read(in), "hl7-peer-answers");
    reader.setDaemon(true);
    reader.start();
  }

  static ScriptedConnection open(Target target, Duration connectTimeout) throws MllpException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(
          new InetSocketAddress(target.host(), target.port()), (int) connectTimeout.toMillis());
      return new ScriptedConnection(socket);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
      throw new MllpException(MllpError.CONNECT_FAILED, target.toString(), e);
    }
  }

  /** Writes one frame as the misbehaviour says: garbage first, then in pieces, maybe slowly. */
  void write(byte[] payload, Misbehaviour misbehaviour) throws IOException, InterruptedException {
    byte[] frame = MllpCodec.encode(payload);
    byte[] garbage = misbehaviour.garbage();
    if (garbage.length > 0) {
      out.write(garbage);
      out.flush();
    }
    int pieces = Math.min(misbehaviour.splitInto(), frame.length);
    for (int i = 0; i < pieces; i++) {
      int from = (int) ((long) frame.length * i / pieces);
      int to = (int) ((long) frame.length * (i + 1) / pieces);
      if (i > 0 && !misbehaviour.writeDelay().isZero()) {
        Thread.sleep(misbehaviour.writeDelay().toMillis());
      }
      out.write(frame, from, to - from);
      out.flush();
    }
  }

  /** Writes the first half of the frame, then resets the connection (RST, not FIN). */
  void resetMidFrame(byte[] payload) throws IOException {
    byte[] frame = MllpCodec.encode(payload);
    try {
      out.write(frame, 0, frame.length / 2);
      out.flush();
      socket.setSoLinger(true, 0);
    } finally {
      socket.close();
    }
  }

  /**
   * The next answer, or null when none came within the timeout.
   *
   * @throws MllpException {@link MllpError#CONNECTION_CLOSED} (or the framing error that ended the
   *     answer stream) once the peer closed the connection and every answer was taken
   */
  Arrival nextAnswer(long timeoutNanos) throws InterruptedException, MllpException {
    Arrival arrival = answers.poll(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    if (arrival == CLOSED) {
      answers.add(CLOSED);
      throw new MllpException(closedBecause, "before answering");
    }
    return arrival;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private void read(InputStream in) {
    MllpDecoder decoder = new MllpDecoder(MAX_ANSWER_BYTES);
    FrameSink sink =
        new FrameSink() {
          @Override
          public void frame(byte[] payload) {
            answers.add(new Arrival(payload, System.nanoTime()));
          }

          @Override
          public void rejected(MllpError reason, byte[] content, long length) {
            closedBecause = MllpError.ANSWER_MALFORMED;
            close();
          }

          @Override
          public void discarded(MllpError reason, long bytes) {
            // bytes outside answer frames are not answers
          }
        };
    byte[] buffer = new byte[16 * 1024];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        decoder.feed(buffer, 0, n, sink);
      }
    } catch (IOException e) {
      // reset or closed: the run records the messages left without an answer
    } finally {
      answers.add(CLOSED);
    }
  }
}
