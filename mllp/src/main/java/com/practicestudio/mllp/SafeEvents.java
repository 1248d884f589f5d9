package com.practicestudio.mllp;

import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shields the listener from exceptions thrown by the application's {@link ListenerEvents}. */
final class SafeEvents implements ListenerEvents {
  private static final Logger log = LoggerFactory.getLogger(SafeEvents.class);

  private final ListenerEvents delegate;

  SafeEvents(ListenerEvents delegate) {
    this.delegate = delegate;
  }

  @Override
  public void connectionOpened(ConnectionInfo peer) {
    try {
      delegate.connectionOpened(peer);
    } catch (RuntimeException e) {
      ignored(e);
    }
  }

  @Override
  public void connectionRefused(InetSocketAddress remote, MllpError reason) {
    try {
      delegate.connectionRefused(remote, reason);
    } catch (RuntimeException e) {
      ignored(e);
    }
  }

  @Override
  public void connectionClosed(ConnectionInfo peer, MllpError reason) {
    try {
      delegate.connectionClosed(peer, reason);
    } catch (RuntimeException e) {
      ignored(e);
    }
  }

  @Override
  public void frameReceived(ConnectionInfo peer, int payloadBytes) {
    try {
      delegate.frameReceived(peer, payloadBytes);
    } catch (RuntimeException e) {
      ignored(e);
    }
  }

  @Override
  public void answerSent(ConnectionInfo peer, int payloadBytes, long nanosSinceReceived) {
    try {
      delegate.answerSent(peer, payloadBytes, nanosSinceReceived);
    } catch (RuntimeException e) {
      ignored(e);
    }
  }

  @Override
  public void problem(ConnectionInfo peer, MllpError error, long bytes) {
    try {
      delegate.problem(peer, error, bytes);
    } catch (RuntimeException e) {
      ignored(e);
    }
  }

  private static void ignored(RuntimeException e) {
    log.warn("listener events hook threw {}; ignored", e.getClass().getName());
  }
}
