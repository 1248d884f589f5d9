package com.practicestudio.codemaps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Misses counted in memory between writes, so that a message with an unmapped code costs a map
 * update and not a database write. A journal row counts once per code: a row applied again (a
 * retry, its group applied again after another row failed) or naming the code twice adds nothing;
 * misses without a row all count. Thread-safe: workers note while the flush drains.
 */
final class CodeMapMissTally {

  /**
   * Rows remembered per code between drains. Past that a row applied twice in one interval counts
   * twice; only a code missing in more rows than this within one flush interval comes near it.
   */
  static final int MAX_ROWS_PER_KEY = 1_000;

  /** One miss's identity. {@code scope} and {@code codeSystem} are "" when there was none. */
  record Key(CodeMapKind kind, String scope, String codeSystem, String code) {

    static final Comparator<Key> ORDER =
        Comparator.comparing((Key k) -> k.kind().wire())
            .thenComparing(Key::scope)
            .thenComparing(Key::codeSystem)
            .thenComparing(Key::code);
  }

  /**
   * What happened to one key since the last drain.
   *
   * @param rows the journal rows counted in {@code times} (each once)
   */
  record Count(
      long times, Instant firstSeen, Instant lastSeen, Long lastExchangeId, Set<Long> rows) {

    Count {
      rows = Set.copyOf(rows);
    }

    static Count of(Instant at, Long exchangeId) {
      return new Count(1, at, at, exchangeId, exchangeId == null ? Set.of() : Set.of(exchangeId));
    }
  }

  /** A key's count while it is being noted; changed only inside the map's atomic compute. */
  private static final class Running {
    private long times;
    private Instant firstSeen;
    private Instant lastSeen;
    private Long lastExchangeId;
    private final Set<Long> rows = new HashSet<>();

    void add(Count count) {
      long again = count.rows().stream().filter(rows::contains).count();
      times += count.times() - again;
      for (Long row : count.rows()) {
        if (rows.size() < MAX_ROWS_PER_KEY) {
          rows.add(row);
        }
      }
      if (firstSeen == null || count.firstSeen().isBefore(firstSeen)) {
        firstSeen = count.firstSeen();
      }
      if (lastSeen == null || !count.lastSeen().isBefore(lastSeen)) {
        lastSeen = count.lastSeen();
        lastExchangeId = count.lastExchangeId() != null ? count.lastExchangeId() : lastExchangeId;
      }
    }

    Count count() {
      return new Count(times, firstSeen, lastSeen, lastExchangeId, rows);
    }
  }

  private final int maxKeys;
  private final Map<Key, Running> counts = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();

  /**
   * @param maxKeys how many different codes to hold between drains; codes beyond that are only
   *     counted as dropped (a channel sending garbage must not fill the heap)
   */
  CodeMapMissTally(int maxKeys) {
    this.maxKeys = maxKeys;
  }

  /** One miss of {@code key}, carried by journal row {@code exchangeId} (null: not known). */
  void note(Key key, Instant at, Long exchangeId) {
    add(key, Count.of(at, exchangeId));
  }

  /** Adds counts back, e.g. after a write that failed, so that the next drain retries them. */
  void add(Key key, Count count) {
    if (!counts.containsKey(key) && counts.size() >= maxKeys) {
      dropped.incrementAndGet();
      return;
    }
    counts.compute(
        key,
        (k, running) -> {
          Running r = running == null ? new Running() : running;
          r.add(count);
          return r;
        });
  }

  /** Takes every count noted so far, in key order (so that concurrent writers lock rows alike). */
  List<Map.Entry<Key, Count>> drain() {
    List<Map.Entry<Key, Count>> taken = new ArrayList<>(counts.size());
    for (Key key : List.copyOf(counts.keySet())) {
      // remove is atomic with the compute of a note: a note after it starts a new count
      Running running = counts.remove(key);
      if (running != null) {
        taken.add(Map.entry(key, running.count()));
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
