package com.practicestudio.mllp;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages over one persistent MLLP connection, one at a time: frame out, answer frame back.
 * Connects on first use and after a failure, following the {@link ReconnectPolicy}. Thread-safe,
 * but sends are serialised; use one sender per connection you want.
 *
 * <p>After a failure the connection is dropped (a late answer must never be taken for the next
 * message's). When a reused connection turns out to be closed by the peer before any answer byte
 * arrived (e.g. the peer's idle timeout), the message is sent once more on a fresh connection; MLLP
 * is at-least-once and receivers detect duplicates by control id.
 */
public final class MllpSender implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(MllpSender.class);
  private static final int READ_BUFFER_BYTES = 16 * 1024;
  private static final int WRITE_BUFFER_BYTES = 16 * 1024;

  private final SenderOptions options;
  private final Sleeper sleeper;
  private final AnswerCollector answers = new AnswerCollector();
  private final byte[] readBuffer = new byte[READ_BUFFER_BYTES];
  private volatile Socket socket;
  private volatile boolean closed;
  private InputStream in;
  private OutputStream out;
  private MllpDecoder decoder;

  public MllpSender(SenderOptions options) {
    this(options, Sleeper.REAL);
  }

  MllpSender(SenderOptions options, Sleeper sleeper) {
    this.options = Objects.requireNonNull(options, "options");
    this.sleeper = sleeper;
  }

  /**
   * Sends one message and returns the payload of its answer frame, unchecked.
   *
   * @throws MllpException with {@link MllpError#CONNECT_FAILED}, {@link MllpError#CONNECT_TIMEOUT},
   *     {@link MllpError#TLS_HANDSHAKE_FAILED}, {@link MllpError#ACK_TIMEOUT}, {@link
   *     MllpError#CONNECTION_CLOSED}, {@link MllpError#ANSWER_MALFORMED}, {@link
   *     MllpError#ANSWER_TOO_LARGE}, {@link MllpError#PAYLOAD_CONTAINS_BLOCK_BYTE} or {@link
   *     MllpError#SENDER_CLOSED}
   */
  public synchronized byte[] send(byte[] message) throws MllpException {
    if (MllpCodec.indexOfBlockByte(message) >= 0) {
      throw new MllpException(MllpError.PAYLOAD_CONTAINS_BLOCK_BYTE, null);
    }
    requireOpen();
    boolean reused = socket != null;
    if (!reused) {
      connect();
    }
    try {
      return exchange(message);
    } catch (MllpException e) {
      disconnect();
      if (!reused || e.error() != MllpError.CONNECTION_CLOSED || answers.receivedBytes > 0) {
        throw e;
      }
      log.debug("{} closed the idle connection; sending again on a new one", options);
    }
    connect();
    try {
      return exchange(message);
    } catch (MllpException e) {
      disconnect();
      throw e;
    }
  }

  /**
   * Sends one message and checks its answer with {@link AckReader#check}: an HL7 ACK whose MSA-1 is
   * a known code and whose MSA-2 is {@code controlId}. AE and AR come back as an {@link Ack}, not
   * as an exception.
   *
   * @param controlId our message's MSH-10
   * @throws MllpException as {@link #send} and {@link AckReader#check}
   */
  public Ack sendAndCheck(byte[] message, String controlId) throws MllpException {
    return AckReader.check(send(message), controlId);
  }

  /** True while a connection is open (it may still turn out to be closed by the peer). */
  public boolean isConnected() {
    Socket s = socket;
    return s != null && !s.isClosed();
  }

  /**
   * Closes the connection; a send in progress fails. Later sends fail with {@link
   * MllpError#SENDER_CLOSED}.
   */
  @Override
  public void close() {
    closed = true;
    Socket s = socket;
    if (s != null) {
      closeQuietly(s);
    }
  }

  private byte[] exchange(byte[] message) throws MllpException {
    dropUnsolicitedBytes();
    answers.reset();
    try {
      MllpCodec.writeFrame(out, message);
      out.flush();
    } catch (IOException e) {
      throw new MllpException(MllpError.CONNECTION_CLOSED, "while sending", e);
    }
    long deadline = System.nanoTime() + options.ackTimeout().toNanos();
    while (answers.frame == null) {
      readSome(deadline);
    }
    if (answers.extraFrames > 0 || decoder.inFrame()) {
      log.warn("{} sent more than one answer; the extra bytes were dropped", options);
      decoder = new MllpDecoder(options.maxFrameSize());
    }
    return answers.frame;
  }

  /**
   * Bytes that arrived after the last answer (a second answer, say) must not pass for the next one.
   */
  private void dropUnsolicitedBytes() throws MllpException {
    try {
      int extra = 0;
      for (int n = in.available(); n > 0; n = in.available()) {
        extra += in.read(readBuffer, 0, Math.min(n, readBuffer.length));
      }
      if (extra > 0) {
        decoder = new MllpDecoder(options.maxFrameSize());
        log.warn("{} sent {} bytes nobody asked for; dropped", options, extra);
      }
    } catch (IOException e) {
      throw new MllpException(MllpError.CONNECTION_CLOSED, "before sending", e);
    }
  }

  private void readSome(long deadline) throws MllpException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw timeout();
    }
    int n;
    try {
      socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
      n = in.read(readBuffer);
    } catch (SocketTimeoutException e) {
      throw timeout();
    } catch (IOException e) {
      throw new MllpException(MllpError.CONNECTION_CLOSED, "while waiting for the answer", e);
    }
    if (n < 0) {
      throw answers.receivedBytes == 0
          ? new MllpException(MllpError.CONNECTION_CLOSED, "before answering")
          : new MllpException(
              MllpError.ANSWER_MALFORMED,
              "connection closed after " + answers.receivedBytes + " bytes and no complete frame");
    }
    answers.receivedBytes += n;
    decoder.feed(readBuffer, 0, n, answers);
    if (answers.rejected != null) {
      throw new MllpException(
          answers.rejected == MllpError.FRAME_TOO_LARGE
              ? MllpError.ANSWER_TOO_LARGE
              : MllpError.ANSWER_MALFORMED,
          answers.rejected.toString());
    }
  }

  /** Bytes that never started a frame are not an answer; a frame cut short is a timeout. */
  private MllpException timeout() {
    return answers.receivedBytes > 0 && !decoder.inFrame()
        ? new MllpException(
            MllpError.ANSWER_MALFORMED, "no frame in " + answers.receivedBytes + " bytes")
        : new MllpException(MllpError.ACK_TIMEOUT, null);
  }

  private void connect() throws MllpException {
    ReconnectPolicy policy = options.reconnect();
    MllpException last = null;
    for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
      pause(policy.delayBefore(attempt));
      requireOpen();
      try {
        open();
        return;
      } catch (MllpException e) {
        last = e;
        log.debug("connection attempt {} to {} failed: {}", attempt, options, e.getMessage());
      }
    }
    throw last;
  }

  private void open() throws MllpException {
    Socket s = new Socket();
    int connectMillis = (int) options.connectTimeout().toMillis();
    try {
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      s.connect(new InetSocketAddress(options.host(), options.port()), connectMillis);
    } catch (SocketTimeoutException e) {
      closeQuietly(s);
      throw new MllpException(MllpError.CONNECT_TIMEOUT, options.host() + ":" + options.port(), e);
    } catch (IOException e) {
      closeQuietly(s);
      throw new MllpException(MllpError.CONNECT_FAILED, options.host() + ":" + options.port(), e);
    }
    Socket connected = options.tls() == null ? s : handshake(s, connectMillis);
    try {
      in = connected.getInputStream();
      out = new BufferedOutputStream(connected.getOutputStream(), WRITE_BUFFER_BYTES);
    } catch (IOException e) {
      closeQuietly(connected);
      throw new MllpException(MllpError.CONNECT_FAILED, options.host() + ":" + options.port(), e);
    }
    decoder = new MllpDecoder(options.maxFrameSize());
    socket = connected;
    if (closed) {
      disconnect();
      throw new MllpException(MllpError.SENDER_CLOSED, null);
    }
  }

  private Socket handshake(Socket plain, int timeoutMillis) throws MllpException {
    try {
      SSLSocket tls =
          (SSLSocket)
              options
                  .tls()
                  .getSocketFactory()
                  .createSocket(plain, options.host(), options.port(), true);
      tls.setEnabledProtocols(TlsProtocols.modern(tls.getSupportedProtocols()));
      if (options.verifyHostname()) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
      }
      tls.setSoTimeout(timeoutMillis);
      tls.startHandshake();
      return tls;
    } catch (SocketTimeoutException e) {
      closeQuietly(plain);
      throw new MllpException(MllpError.CONNECT_TIMEOUT, "TLS handshake", e);
    } catch (IOException e) {
      closeQuietly(plain);
      throw new MllpException(
          MllpError.TLS_HANDSHAKE_FAILED, options.host() + ":" + options.port(), e);
    }
  }

  private void pause(Duration delay) throws MllpException {
    if (delay.isZero()) {
      return;
    }
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MllpException(
          MllpError.CONNECT_FAILED, "interrupted while waiting to reconnect", e);
    }
  }

  private void requireOpen() throws MllpException {
    if (closed) {
      throw new MllpException(MllpError.SENDER_CLOSED, null);
    }
  }

  private void disconnect() {
    Socket s = socket;
    socket = null;
    in = null;
    out = null;
    if (s != null) {
      closeQuietly(s);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      log.debug("close failed", e);
    }
  }

  /** Collects the answer to one message. */
  private static final class AnswerCollector implements FrameSink {
    private byte[] frame;
    private MllpError rejected;
    private long receivedBytes;
    private int extraFrames;

    void reset() {
      frame = null;
      rejected = null;
      receivedBytes = 0;
      extraFrames = 0;
    }

    @Override
    public void frame(byte[] payload) {
      if (frame == null && rejected == null) {
        frame = payload;
      } else {
        extraFrames++;
      }
    }

    @Override
    public void rejected(MllpError reason, byte[] content, long length) {
      if (frame == null && rejected == null) {
        rejected = reason;
      }
    }

    @Override
    public void discarded(MllpError reason, long bytes) {
      log.debug("answer stream: {} ({} bytes)", reason, bytes);
    }
  }
}
