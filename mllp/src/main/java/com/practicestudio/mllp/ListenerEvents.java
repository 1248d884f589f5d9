package com.practicestudio.mllp;

import java.net.InetSocketAddress;

/**
 * Metrics hooks of {@link MllpListener}: counts, bytes, latencies and errors. Every method has a
 * no-op default, so an implementation overrides only what it counts. Called on listener threads:
 * keep them quick and non-blocking (counters, not I/O). An exception thrown here is logged and
 * ignored.
 */
public interface ListenerEvents {

  /** No-op events. */
  ListenerEvents NONE = new ListenerEvents() {};

  /** A connection passed the allowlist, the connection limit and, with TLS, the handshake. */
  default void connectionOpened(ConnectionInfo peer) {}

  /**
   * A connection was turned away before it could send: {@link MllpError#PEER_NOT_ALLOWED}, {@link
   * MllpError#TOO_MANY_CONNECTIONS} or {@link MllpError#TLS_HANDSHAKE_FAILED}.
   */
  default void connectionRefused(InetSocketAddress remote, MllpError reason) {}

  /**
   * A connection ended.
   *
   * @param reason why the listener closed it, or null when the peer closed it normally
   */
  default void connectionClosed(ConnectionInfo peer, MllpError reason) {}

  /** A well-formed frame arrived and goes to the handler. */
  default void frameReceived(ConnectionInfo peer, int payloadBytes) {}

  /**
   * An answer was written and flushed.
   *
   * @param nanosSinceReceived from the end of the frame to the answer leaving the listener
   */
  default void answerSent(ConnectionInfo peer, int payloadBytes, long nanosSinceReceived) {}

  /**
   * Something went wrong on a connection: framing errors from {@link FrameSink}, handler failures,
   * timeouts.
   *
   * @param bytes bytes concerned (payload bytes, skipped bytes), 0 when not about bytes
   */
  default void problem(ConnectionInfo peer, MllpError error, long bytes) {}
}
