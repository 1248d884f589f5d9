package com.practicestudio.codemaps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * All code maps in memory, for translations on the message path without a query. This node's own
 * changes drop the snapshot at commit; another node's changes are seen by checking the revision
 * counter at most once per refresh interval.
 */
final class CodeMapCache {

  private final CodeMapSource source;
  private final Clock clock;
  private final Duration refreshInterval;
  private volatile Snapshot snapshot;
  private volatile Instant nextCheck = Instant.EPOCH;

  CodeMapCache(CodeMapSource source, Clock clock, Duration refreshInterval) {
    this.source = source;
    this.clock = clock;
    this.refreshInterval = refreshInterval;
  }

  Snapshot snapshot() {
    Snapshot s = snapshot;
    Instant now = clock.instant();
    if (s != null && now.isBefore(nextCheck)) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (s != null && now.isBefore(nextCheck)) {
        return s;
      }
      long revision = source.revision(); // before the rows: a change in between reloads next time
      if (s == null || s.revision() != revision) {
        s = Snapshot.of(revision, source.all());
        snapshot = s;
      }
      nextCheck = now.plus(refreshInterval);
      return s;
    }
  }

  void invalidate() {
    snapshot = null;
  }

  /** An immutable view of every map, indexed for both directions. */
  record Snapshot(
      long revision,
      Map<String, CodeMap> byKey,
      Map<String, List<CodeMap>> byCode,
      Map<String, List<CodeMap>> byValue) {

    private static final Comparator<CodeMap> PREFERRED_FIRST =
        Comparator.comparing((CodeMap m) -> !m.preferred()).thenComparingLong(CodeMap::id);

    static Snapshot of(long revision, List<CodeMap> maps) {
      Map<String, CodeMap> byKey = new HashMap<>();
      Map<String, List<CodeMap>> byCode = new HashMap<>();
      Map<String, List<CodeMap>> byValue = new HashMap<>();
      for (CodeMap m : maps) {
        String code = lower(m.code());
        byKey.put(key(m.kind(), m.scope(), m.codeSystem(), code), m);
        byCode.computeIfAbsent(key(m.kind(), m.scope(), "", code), k -> new ArrayList<>()).add(m);
        byValue
            .computeIfAbsent(
                key(m.kind(), m.scope(), m.codeSystem(), m.value()), k -> new ArrayList<>())
            .add(m);
      }
      byCode.replaceAll((k, list) -> list.stream().sorted(PREFERRED_FIRST).toList());
      byValue.replaceAll((k, list) -> list.stream().sorted(PREFERRED_FIRST).toList());
      return new Snapshot(revision, Map.copyOf(byKey), Map.copyOf(byCode), Map.copyOf(byValue));
    }

    /** Scope first, then the default; the code as given, then its raw/plain twin. */
    Optional<CodeMap> lookup(CodeMapKind kind, String scope, String system, String code) {
      for (String s : scopes(scope)) {
        for (String c : variants(code)) {
          CodeMap hit =
              system != null
                  ? byKey.get(key(kind, s, system, c))
                  : first(byCode.get(key(kind, s, "", c)));
          if (hit != null) {
            return Optional.of(hit);
          }
        }
      }
      return Optional.empty();
    }

    Optional<CodeMap> reverse(CodeMapKind kind, String scope, String system, String value) {
      for (String s : scopes(scope)) {
        CodeMap hit = first(byValue.get(key(kind, s, system, value)));
        if (hit != null) {
          return Optional.of(hit);
        }
      }
      return Optional.empty();
    }

    private static List<String> scopes(String scope) {
      List<String> scopes = new ArrayList<>(2);
      if (scope != null) {
        scopes.add(scope);
      }
      scopes.add(null);
      return scopes;
    }

    /** {@code CD:309237} also tries {@code 309237}, and {@code 309237} also {@code cd:309237}. */
    private static List<String> variants(String code) {
      String c = lower(code.strip());
      if (c.startsWith("cd:") && digits(c, 3)) {
        return List.of(c, c.substring(3));
      }
      if (digits(c, 0)) {
        return List.of(c, "cd:" + c);
      }
      return List.of(c);
    }

    /** Whether {@code s} has at least one character from {@code from} on, all ASCII digits. */
    private static boolean digits(String s, int from) {
      if (s.length() <= from) {
        return false;
      }
      for (int i = from; i < s.length(); i++) {
        char ch = s.charAt(i);
        if (ch < '0' || ch > '9') {
          return false;
        }
      }
      return true;
    }

    private static CodeMap first(List<CodeMap> list) {
      return list == null || list.isEmpty() ? null : list.get(0);
    }

    private static String key(CodeMapKind kind, String scope, String system, String code) {
      return kind.wire()
          + '\u0000'
          + (scope == null ? "" : scope)
          + '\u0000'
          + system
          + '\u0000'
          + code;
    }

    private static String lower(String s) {
      return s.toLowerCase(Locale.ROOT);
    }
  }
}
