package com.practicestudio.sandbox.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * What the sandbox answered: method, path, status, time. Keeps the last 10,000 requests.
 *
 * <p>A servlet may close its output, and so complete the answer on the wire, before the valve logs
 * it; a client that reads the log right after its answer could then miss its own request. So the
 * readers wait (briefly) until no answer is still being logged.
 */
public final class RequestLog {

  /** One answered request (the path has no query string, so no PHI from search values). */
  public record Entry(Instant at, String method, String path, int status) {}

  private static final int KEPT = 10_000;
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

  private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();
  private final Object answeringChanged = new Object();
  private int answering;

  /** A request the readers must wait for has begun; {@link #answered} must follow. */
  void answering() {
    synchronized (answeringChanged) {
      answering++;
    }
  }

  /** Logs a request that was counted by {@link #answering}. */
  void answered(Entry entry) {
    add(entry);
    synchronized (answeringChanged) {
      answering--;
      answeringChanged.notifyAll();
    }
  }

  /** Logs a request the readers need not wait for (one to the admin API, say). */
  void add(Entry entry) {
    entries.addLast(entry);
    while (entries.size() > KEPT) {
      entries.pollFirst();
    }
  }

  public List<Entry> entries() {
    awaitAnswers();
    return List.copyOf(entries);
  }

  /** How many requests to paths starting with {@code prefix} were answered. */
  public long count(String method, String prefix) {
    awaitAnswers();
    return entries.stream()
        .filter(e -> e.method().equals(method) && e.path().startsWith(prefix))
        .count();
  }

  public void clear() {
    entries.clear();
  }

  /** Waits for answers being logged; gives up after a while, as a delayed answer may be slow. */
  private void awaitAnswers() {
    long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
    synchronized (answeringChanged) {
      while (answering > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          answeringChanged.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
