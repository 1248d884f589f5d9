package com.practicestudio.mllp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.Principal;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection. Its reader thread does the TLS handshake, reads with the phase's
 * timeout, decodes, hands frames to the handler and queues their answers; its {@link AnswerWriter}
 * thread writes the answers in order. When reading ends (peer done, timeout, stop), the reader
 * waits for the writer to answer every queued frame, then closes the socket.
 */
final class ListenerConnection implements FrameSink {
  private static final Logger log = LoggerFactory.getLogger(ListenerConnection.class);
  private static final int READ_BUFFER_BYTES = 64 * 1024;
  private static final int WRITE_BUFFER_BYTES = 16 * 1024;

  private final long id;
  private final Socket socket;
  private final ListenerContext context;
  private final Consumer<ListenerConnection> onEnd;
  private final MllpDecoder decoder;
  private final BlockingQueue<PendingAnswer> queue;
  private final AtomicReference<MllpError> closeReason = new AtomicReference<>();
  private final long openedNanos = System.nanoTime();
  private final long handlerTimeoutNanos;
  private volatile boolean stopping;
  private volatile boolean closed;
  private volatile long lastTrafficNanos = openedNanos;
  private volatile ConnectionInfo info;
  private volatile Thread writerThread;
  private AnswerWriter writer;
  private boolean started;
  private boolean aborted;
  private long sequence;
  private int soTimeout = -1;

  ListenerConnection(
      long id, Socket socket, ListenerContext context, Consumer<ListenerConnection> onEnd) {
    this.id = id;
    this.socket = socket;
    this.context = context;
    this.onEnd = onEnd;
    this.decoder = new MllpDecoder(context.options().maxFrameSize());
    this.queue = new ArrayBlockingQueue<>(context.options().maxPipelinedFrames() + 1);
    this.handlerTimeoutNanos = context.options().handlerTimeout().toNanos();
    this.info =
        new ConnectionInfo(
            id,
            (InetSocketAddress) socket.getRemoteSocketAddress(),
            (InetSocketAddress) socket.getLocalSocketAddress(),
            null,
            null);
  }

  long id() {
    return id;
  }

  ConnectionInfo info() {
    return info;
  }

  /**
   * Starts the reader thread (which starts the writer).
   *
   * @throws OutOfMemoryError when no thread can be created; the caller closes the socket
   */
  void start() {
    context.thread(this::run, "-c" + id + "-read").start();
  }

  /** Finish the frame being read, answer everything received, then close. */
  void requestStop() {
    stopping = true;
  }

  /** Close now, answered or not. */
  void forceClose(MllpError reason) {
    closeReason.compareAndSet(null, reason);
    closeSocket();
    Thread w = writerThread;
    if (w != null) {
      w.interrupt();
    }
  }

  void traffic(long nanos) {
    lastTrafficNanos = nanos;
  }

  void writeFailed(IOException e) {
    if (!closed) {
      fail(MllpError.CONNECTION_FAILED, e);
    }
  }

  void errorAnswerFailed() {
    context.events().problem(info, MllpError.ERROR_ANSWER_FAILED, 0);
    closeReason.compareAndSet(null, MllpError.ERROR_ANSWER_FAILED);
    closeSocket();
  }

  private void run() {
    boolean opened = false;
    try {
      opened = open();
      if (opened) {
        readFrames();
        answerRemainingThenClose();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeSocket();
      Thread w = writerThread;
      if (w != null) {
        w.interrupt(); // finished already, unless the handler threw an Error out of the reader
      }
      onEnd.accept(this);
      if (opened) {
        context.events().connectionClosed(info, closeReason.get());
      }
    }
  }

  private boolean open() {
    try {
      if (socket instanceof SSLSocket tls) {
        setSoTimeout((int) context.options().receiveTimeout().toMillis());
        tls.startHandshake();
        info = withTls(info, tls.getSession());
      }
      writer =
          new AnswerWriter(
              this,
              queue,
              new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER_BYTES),
              context);
    } catch (IOException e) {
      MllpError reason =
          e instanceof SocketTimeoutException
              ? MllpError.RECEIVE_TIMEOUT
              : MllpError.TLS_HANDSHAKE_FAILED;
      log.warn("{} {} from {}: {}", reason.code(), reason.description(), info, e.getMessage());
      context.events().connectionRefused(info.remote(), reason);
      return false;
    }
    Thread w = context.thread(writer, "-c" + id + "-write");
    try {
      w.start();
    } catch (RuntimeException | OutOfMemoryError e) {
      // nothing was read yet, so nothing goes unanswered: close before the peer sends
      MllpError reason = MllpError.CONNECTION_NOT_STARTED;
      log.error(
          "{} {}: {} ({})", reason.code(), reason.description(), info, e.getClass().getName());
      context.events().problem(info, reason, 0);
      return false;
    }
    writerThread = w;
    context.events().connectionOpened(info);
    return true;
  }

  private void readFrames() {
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[READ_BUFFER_BYTES];
      while (!aborted && (!stopping || decoder.inFrame())) {
        int n = readSome(in, buffer);
        if (n < 0) {
          decoder.endOfStream(this);
          return;
        }
        decoder.feed(buffer, 0, n, this);
        started |= decoder.inFrame();
      }
    } catch (MllpException e) {
      fail(e.error(), null);
      decoder.endOfStream(this);
    } catch (IOException e) {
      if (!closed) {
        fail(MllpError.CONNECTION_FAILED, e);
      }
      forceClose(MllpError.CONNECTION_FAILED);
      aborted = true;
      decoder.endOfStream(this);
    }
  }

  private int readSome(InputStream in, byte[] buffer) throws IOException {
    boolean inFrame = decoder.inFrame();
    setSoTimeout(inFrame ? (int) context.options().readTimeout().toMillis() : pollMillis());
    try {
      int n = in.read(buffer);
      if (n > 0) {
        lastTrafficNanos = System.nanoTime();
      }
      return n;
    } catch (SocketTimeoutException e) {
      if (inFrame) {
        throw new MllpException(MllpError.READ_TIMEOUT, null);
      }
      checkReceiveAndIdleTimeouts();
      return 0;
    }
  }

  private int pollMillis() {
    if (started) {
      return (int) context.pollMillis();
    }
    long left = context.options().receiveTimeout().toNanos() - (System.nanoTime() - openedNanos);
    return (int) Math.max(1, Math.min(context.pollMillis(), TimeUnit.NANOSECONDS.toMillis(left)));
  }

  private void checkReceiveAndIdleTimeouts() throws MllpException {
    long now = System.nanoTime();
    if (!started) {
      if (now - openedNanos >= context.options().receiveTimeout().toNanos()) {
        throw new MllpException(MllpError.RECEIVE_TIMEOUT, null);
      }
    } else if (idle(now) || stalled(now)) {
      throw new MllpException(MllpError.IDLE_TIMEOUT, null);
    }
  }

  private boolean idle(long now) {
    long idleNanos = context.options().idleTimeout().toNanos();
    return idleNanos > 0
        && writer.answered() == sequence
        && writer.writingForNanos(now) == 0
        && now - lastTrafficNanos >= idleNanos;
  }

  /** The peer has not taken an answer for the idle timeout: it does not read. */
  private boolean stalled(long now) {
    long idleNanos = context.options().idleTimeout().toNanos();
    return idleNanos > 0 && writer.writingForNanos(now) >= idleNanos;
  }

  @Override
  public void frame(byte[] payload) {
    started = true;
    if (aborted) {
      return; // the connection broke: no answer could reach the peer, so do not hand it over
    }
    long now = System.nanoTime();
    Frame frame = new Frame(payload, ++sequence);
    context.events().frameReceived(info, payload.length);
    CompletableFuture<byte[]> answer = context.invoke(frame, info);
    enqueue(PendingAnswer.handled(frame, answer, now, handlerTimeoutNanos));
  }

  @Override
  public void rejected(MllpError reason, byte[] content, long length) {
    started = true;
    if (aborted) {
      return;
    }
    long seq = ++sequence;
    log.warn(
        "{} {} on {} frame {} ({} bytes)", reason.code(), reason.description(), info, seq, length);
    context.events().problem(info, reason, length);
    enqueue(
        PendingAnswer.rejected(
            new FrameFailure(reason, content, length, seq, null), System.nanoTime()));
  }

  @Override
  public void discarded(MllpError reason, long bytes) {
    log.warn("{} {} on {} ({} bytes)", reason.code(), reason.description(), info, bytes);
    context.events().problem(info, reason, bytes);
  }

  private void enqueue(PendingAnswer pending) {
    try {
      while (!queue.offer(pending, context.pollMillis(), TimeUnit.MILLISECONDS)) {
        if (writer.isFinished()) {
          aborted = true;
          return;
        }
        if (stalled(System.nanoTime())) {
          fail(MllpError.IDLE_TIMEOUT, null);
          forceClose(MllpError.IDLE_TIMEOUT);
          aborted = true;
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      aborted = true;
    }
  }

  private void answerRemainingThenClose() throws InterruptedException {
    if (!aborted) {
      enqueue(PendingAnswer.END);
    }
    while (!writer.awaitFinished(context.pollMillis())) {
      if (stalled(System.nanoTime())) {
        fail(MllpError.IDLE_TIMEOUT, null);
        forceClose(MllpError.IDLE_TIMEOUT);
      }
    }
  }

  private void fail(MllpError reason, Throwable cause) {
    if (closeReason.compareAndSet(null, reason)) {
      log.warn(
          "{} {} on {}{}",
          reason.code(),
          reason.description(),
          info,
          cause == null ? "" : ": " + cause.getClass().getSimpleName());
      context.events().problem(info, reason, 0);
    }
  }

  private void setSoTimeout(int millis) throws IOException {
    if (millis != soTimeout) {
      socket.setSoTimeout(millis);
      soTimeout = millis;
    }
  }

  private void closeSocket() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing {} failed", info, e);
    }
  }

  private static ConnectionInfo withTls(ConnectionInfo plain, SSLSession session) {
    Principal client;
    try {
      client = session.getPeerPrincipal();
    } catch (SSLPeerUnverifiedException e) {
      client = null;
    }
    return new ConnectionInfo(
        plain.id(), plain.remote(), plain.local(), session.getProtocol(), client);
  }
}
