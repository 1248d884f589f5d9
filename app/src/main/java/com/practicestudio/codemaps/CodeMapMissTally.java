package com.practicestudio.codemaps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Misses counted in memory between writes, so that a message with an unmapped code costs a map
 * update and not a database write. Thread-safe: workers note while the flush drains.
 */
final class CodeMapMissTally {

  /** One miss's identity. {@code scope} and {@code codeSystem} are "" when there was none. */
  record Key(CodeMapKind kind, String scope, String codeSystem, String code) {

    static final Comparator<Key> ORDER =
        Comparator.comparing((Key k) -> k.kind().wire())
            .thenComparing(Key::scope)
            .thenComparing(Key::codeSystem)
            .thenComparing(Key::code);
  }

  /** What happened to one key since the last drain. */
  record Count(long times, Instant firstSeen, Instant lastSeen, Long lastExchangeId) {

    Count plus(Count later) {
      boolean newer = !later.lastSeen().isBefore(lastSeen);
      return new Count(
          times + later.times(),
          firstSeen.isBefore(later.firstSeen()) ? firstSeen : later.firstSeen(),
          newer ? later.lastSeen() : lastSeen,
          newer && later.lastExchangeId() != null ? later.lastExchangeId() : lastExchangeId);
    }
  }

  private final int maxKeys;
  private final Map<Key, Count> counts = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();

  /**
   * @param maxKeys how many different codes to hold between drains; codes beyond that are only
   *     counted as dropped (a channel sending garbage must not fill the heap)
   */
  CodeMapMissTally(int maxKeys) {
    this.maxKeys = maxKeys;
  }

  void note(Key key, Instant at, Long exchangeId) {
    add(key, new Count(1, at, at, exchangeId));
  }

  /** Adds counts back, e.g. after a write that failed, so that the next drain retries them. */
  void add(Key key, Count count) {
    if (!counts.containsKey(key) && counts.size() >= maxKeys) {
      dropped.incrementAndGet();
      return;
    }
    counts.merge(key, count, Count::plus);
  }

  /** Takes every count noted so far, in key order (so that concurrent writers lock rows alike). */
  List<Map.Entry<Key, Count>> drain() {
    List<Map.Entry<Key, Count>> taken = new ArrayList<>(counts.size());
    for (Key key : List.copyOf(counts.keySet())) {
      Count count = counts.remove(key);
      if (count != null) {
        taken.add(Map.entry(key, count));
      }
    }
    taken.sort(Map.Entry.comparingByKey(Key.ORDER));
    return taken;
  }

  /** How many misses were left out for lack of room since the last call. */
  long takeDropped() {
    return dropped.getAndSet(0);
  }
}
