package com.practicestudio.sandbox.http;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/** What the sandbox answered: method, path, status, time. Keeps the last 10,000 requests. */
public final class RequestLog {

  /** One answered request (the path has no query string, so no PHI from search values). */
  public record Entry(Instant at, String method, String path, int status) {}

  private static final int KEPT = 10_000;

  private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();

  void add(Entry entry) {
    entries.addLast(entry);
    while (entries.size() > KEPT) {
      entries.pollFirst();
    }
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** How many requests to paths starting with {@code prefix} were answered. */
  public long count(String method, String prefix) {
    return entries.stream()
        .filter(e -> e.method().equals(method) && e.path().startsWith(prefix))
        .count();
  }

  public void clear() {
    entries.clear();
  }
}
