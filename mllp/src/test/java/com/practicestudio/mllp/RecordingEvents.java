package com.practicestudio.mllp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Listener events as counters, for assertions. */
final class RecordingEvents implements ListenerEvents {
  final AtomicLong opened = new AtomicLong();
  final AtomicLong framesReceived = new AtomicLong();
  final AtomicLong bytesReceived = new AtomicLong();
  final AtomicLong answersSent = new AtomicLong();
  final AtomicLong bytesSent = new AtomicLong();
  final List<ConnectionInfo> openedConnections = new CopyOnWriteArrayList<>();
  final List<String> closed = new CopyOnWriteArrayList<>();
  final List<MllpError> refused = new CopyOnWriteArrayList<>();
  final Map<MllpError, AtomicLong> problems = new ConcurrentHashMap<>();

  @Override
  public void connectionOpened(ConnectionInfo peer) {
    opened.incrementAndGet();
    openedConnections.add(peer);
  }

  @Override
  public void connectionRefused(InetSocketAddress remote, MllpError reason) {
    refused.add(reason);
  }

  @Override
  public void connectionClosed(ConnectionInfo peer, MllpError reason) {
    closed.add(reason == null ? "normal" : reason.name());
  }

  @Override
  public void frameReceived(ConnectionInfo peer, int payloadBytes) {
    framesReceived.incrementAndGet();
    bytesReceived.addAndGet(payloadBytes);
  }

  @Override
  public void answerSent(ConnectionInfo peer, int payloadBytes, long nanosSinceReceived) {
    answersSent.incrementAndGet();
    bytesSent.addAndGet(payloadBytes);
  }

  @Override
  public void problem(ConnectionInfo peer, MllpError error, long bytes) {
    problems.computeIfAbsent(error, e -> new AtomicLong()).incrementAndGet();
  }

  long problems(MllpError error) {
    AtomicLong count = problems.get(error);
    return count == null ? 0 : count.get();
  }
}
