package com.practicestudio.mllp;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts MLLP connections and answers every finished frame: with the handler's answer, or with the
 * {@link ErrorAnswer} when the handler fails, times out, or the frame breaks the framing rules. See
 * the package documentation for the threading model, the phase timeouts and the answer guarantee.
 *
 * <pre>{@code
 * MllpListener listener = MllpListener.builder()
 *     .port(2575)
 *     .asyncHandler((frame, peer) -> journal.storeThenAck(frame.payload()))
 *     .errorAnswer((failure, peer) -> acks.negative(failure))
 *     .options(ListenerOptions.defaults().withReadTimeout(Duration.ofSeconds(5)))
 *     .build();
 * listener.start();
 * ...
 * listener.stop(Duration.ofSeconds(10));
 * }</pre>
 */
public final class MllpListener implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(MllpListener.class);
  private static final long ACCEPT_FAILURE_PAUSE_MILLIS = 100;

  private final InetSocketAddress bindAddress;
  private final ListenerTls tls;
  private final IpAllowlist allowlist;
  private final ListenerContext context;
  private final Map<Long, ListenerConnection> connections = new ConcurrentHashMap<>();
  private final AtomicLong connectionIds = new AtomicLong();
  private volatile ServerSocket serverSocket;
  private volatile boolean running;
  private Thread acceptor;

  private MllpListener(Builder b) {
    this.bindAddress = b.bindAddress;
    this.tls = b.tls;
    this.allowlist = b.allowlist;
    this.context =
        ListenerContext.of(b.name, b.options, b.handler, b.errorAnswer, b.events, b.threads);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds and starts accepting. Returns once the port is bound.
   *
   * @throws IOException when the address cannot be bound
   */
  public synchronized void start() throws IOException {
    if (running) {
      throw new IllegalStateException("already started");
    }
    ServerSocket socket = tls == null ? new ServerSocket() : tlsServerSocket(tls);
    try {
      socket.setReuseAddress(true);
      socket.bind(bindAddress, context.options().backlog());
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    serverSocket = socket;
    running = true;
    acceptor = context.thread(this::acceptLoop, "-accept");
    try {
      acceptor.start();
    } catch (RuntimeException | OutOfMemoryError e) {
      running = false; // never report running without an acceptor
      closeQuietly(socket);
      throw e;
    }
    log.info(
        "MLLP listener {} on {}{} ({})",
        context.name(),
        socket.getLocalSocketAddress(),
        tls == null ? "" : " with TLS, client certificates " + tls.clientAuth(),
        allowlist);
  }

  /** The bound port (useful after binding port 0), or -1 before {@link #start()}. */
  public int port() {
    ServerSocket socket = serverSocket;
    return socket == null ? -1 : socket.getLocalPort();
  }

  public boolean isRunning() {
    return running;
  }

  /** Open connections. */
  public int connectionCount() {
    return connections.size();
  }

  /**
   * Graceful stop: stops accepting, lets every connection finish the frame it is reading and answer
   * every frame received, then closes. Connections still open after {@code grace} are closed
   * ({@link MllpError#LISTENER_STOPPED}). Returns when all connection threads have ended.
   */
  public void stop(Duration grace) {
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
    }
    closeServerSocket();
    joinQuietly(acceptor, Duration.ofSeconds(5));
    long deadline = System.nanoTime() + grace.toNanos();
    connections.values().forEach(ListenerConnection::requestStop);
    awaitNoConnections(deadline);
    if (!connections.isEmpty()) {
      log.warn(
          "{} connections still open after the grace period; closing them", connections.size());
      connections.values().forEach(c -> c.forceClose(MllpError.LISTENER_STOPPED));
      awaitNoConnections(System.nanoTime() + Duration.ofSeconds(5).toNanos());
    }
    log.info("MLLP listener {} stopped", context.name());
  }

  /** {@link #stop(Duration)} with a grace of the handler timeout. */
  @Override
  public void close() {
    stop(context.options().handlerTimeout());
  }

  private void acceptLoop() {
    while (running) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (running) {
          log.warn("accept failed on {}: {}", context.name(), e.getMessage());
          pauseAfterAcceptFailure();
        }
        continue;
      }
      admit(socket);
    }
  }

  private void admit(Socket socket) {
    InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    if (!allowlist.allows(remote.getAddress())) {
      refuse(socket, remote, MllpError.PEER_NOT_ALLOWED);
      return;
    }
    if (connections.size() >= context.options().maxConnections()) {
      refuse(socket, remote, MllpError.TOO_MANY_CONNECTIONS);
      return;
    }
    try {
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
    } catch (IOException e) {
      closeQuietly(socket);
      return;
    }
    long id = connectionIds.incrementAndGet();
    ListenerConnection connection =
        new ListenerConnection(id, socket, context, c -> connections.remove(c.id()));
    connections.put(id, connection);
    if (!running) {
      connection.requestStop();
    }
    try {
      connection.start();
    } catch (RuntimeException | OutOfMemoryError e) {
      // e.g. "unable to create native thread": turn this peer away, keep accepting the others
      connections.remove(id);
      notStarted(socket, connection.info(), e);
    }
  }

  private void notStarted(Socket socket, ConnectionInfo info, Throwable cause) {
    MllpError reason = MllpError.CONNECTION_NOT_STARTED;
    log.error(
        "{} {}: {} ({})", reason.code(), reason.description(), info, cause.getClass().getName());
    context.events().problem(info, reason, 0);
    closeQuietly(socket);
    pauseAfterAcceptFailure();
  }

  private void refuse(Socket socket, InetSocketAddress remote, MllpError reason) {
    log.warn(
        "{} {}: refused {}",
        reason.code(),
        reason.description(),
        remote.getAddress().getHostAddress());
    context.events().connectionRefused(remote, reason);
    closeQuietly(socket);
  }

  private ServerSocket tlsServerSocket(ListenerTls tls) throws IOException {
    SSLServerSocket socket =
        (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket();
    socket.setEnabledProtocols(TlsProtocols.modern(socket.getSupportedProtocols()));
    switch (tls.clientAuth()) {
      case NONE -> socket.setWantClientAuth(false);
      case OPTIONAL -> socket.setWantClientAuth(true);
      case REQUIRED -> socket.setNeedClientAuth(true);
    }
    return socket;
  }

  private void awaitNoConnections(long deadlineNanos) {
    while (!connections.isEmpty() && System.nanoTime() < deadlineNanos) {
      try {
        Thread.sleep(Math.min(context.pollMillis(), 20));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void closeServerSocket() {
    ServerSocket socket = serverSocket;
    if (socket != null) {
      closeQuietly(socket);
    }
  }

  private static void pauseAfterAcceptFailure() {
    try {
      Thread.sleep(ACCEPT_FAILURE_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void joinQuietly(Thread thread, Duration timeout) {
    if (thread == null) {
      return;
    }
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      log.debug("close failed", e);
    }
  }

  /** Configures a listener; {@link #errorAnswer} and one of the handlers are required. */
  public static final class Builder {
    private InetSocketAddress bindAddress = new InetSocketAddress(2575);
    private String name = "mllp";
    private AsyncMessageHandler handler;
    private ErrorAnswer errorAnswer;
    private ListenerOptions options = ListenerOptions.defaults();
    private ListenerTls tls;
    private IpAllowlist allowlist = IpAllowlist.allowAll();
    private ListenerEvents events = ListenerEvents.NONE;
    private ThreadFactory threads = Thread::new;

    private Builder() {}

    /** Listen on all interfaces on this port (0: any free port). Default 2575. */
    public Builder port(int port) {
      this.bindAddress = new InetSocketAddress(port);
      return this;
    }

    public Builder bindAddress(InetSocketAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Names threads and log lines. Default {@code mllp}. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** A blocking handler, run on the connection's reader thread. */
    public Builder handler(MessageHandler handler) {
      Objects.requireNonNull(handler, "handler");
      this.handler = ListenerContext.blocking(handler);
      return this;
    }

    /** A handler that answers later, e.g. after a group commit. */
    public Builder asyncHandler(AsyncMessageHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    public Builder errorAnswer(ErrorAnswer errorAnswer) {
      this.errorAnswer = Objects.requireNonNull(errorAnswer, "errorAnswer");
      return this;
    }

    public Builder options(ListenerOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** TLS 1.2+ with the caller's context; without it the listener is plain TCP. */
    public Builder tls(ListenerTls tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    public Builder allowlist(IpAllowlist allowlist) {
      this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
      return this;
    }

    public Builder events(ListenerEvents events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /** Where the listener's threads come from; tests make starting one fail. */
    Builder threads(ThreadFactory threads) {
      this.threads = Objects.requireNonNull(threads, "threads");
      return this;
    }

    public MllpListener build() {
      if (handler == null) {
        throw new IllegalStateException("a handler or asyncHandler is required");
      }
      if (errorAnswer == null) {
        throw new IllegalStateException("an errorAnswer is required: every frame must be answered");
      }
      return new MllpListener(this);
    }
  }
}
