package com.practicestudio.codemaps;

import com.practicestudio.codemaps.CodeMapMissTally.Count;
import com.practicestudio.codemaps.CodeMapMissTally.Key;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the codes no code map translated. A miss is counted in memory ({@link CodeMapMissTally})
 * and the counts are added to {@code code_map_miss} every {@code
 * practice-studio.code-maps.miss-flush-interval} and at shutdown, so a message with an unmapped
 * code writes nothing more on its own path. Each code is logged once per process when first seen.
 */
@Component
public class CodeMapMisses {

  private static final Logger log = LoggerFactory.getLogger(CodeMapMisses.class);

  /** Different codes held between writes, and logged once per process. */
  static final int MAX_KEYS = 10_000;

  /** Longer than any code value; such text is not a code and is not kept. */
  static final int MAX_CODE_LENGTH = 200;

  private final CodeMapMissRepository repository;
  private final Clock clock;
  private final CodeMapMissTally tally = new CodeMapMissTally(MAX_KEYS);
  private final Set<Key> logged = ConcurrentHashMap.newKeySet();

  CodeMapMisses(CodeMapMissRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Notes that nothing maps {@code code}: call it once the last try of a lookup failed, not for
   * each try.
   *
   * @param scope the interface or domain whose maps were asked; null for the default maps
   * @param codeSystem the system the message named, else the field's table; null when neither
   * @param exchangeId the journal row that carried the code; null when not known
   */
  public void note(
      CodeMapKind kind, String scope, String codeSystem, String code, Long exchangeId) {
    if (kind == null || code == null || code.isBlank() || code.length() > MAX_CODE_LENGTH) {
      return;
    }
    String system = CodeSystems.normalise(codeSystem);
    Key key =
        new Key(
            kind, scope == null ? "" : scope.strip(), system == null ? "" : system, code.strip());
    tally.note(key, clock.instant(), exchangeId);
    if (logged.size() < MAX_KEYS && logged.add(key)) {
      log.warn(
          "No code map for {} code {} of code system {} (scope {}); listed under Code maps until"
              + " mapped",
          kind.wire(),
          key.code(),
          system == null ? "(none)" : system,
          key.scope().isEmpty() ? "default" : key.scope());
    }
  }

  /** Adds the counts noted so far to the database; keeps them for the next try if it fails. */
  @Scheduled(
      fixedDelayString =
          "${practice-studio.code-maps.miss-flush-interval:"
              + CodeMapsProperties.MISS_FLUSH_INTERVAL
              + "}")
  public void flush() {
    long dropped = tally.takeDropped();
    if (dropped > 0) {
      log.warn("{} code map misses not recorded: more than {} different codes", dropped, MAX_KEYS);
    }
    List<Map.Entry<Key, Count>> counts = tally.drain();
    if (counts.isEmpty()) {
      return;
    }
    try {
      repository.add(counts);
    } catch (DataAccessException e) {
      counts.forEach(c -> tally.add(c.getKey(), c.getValue()));
      log.warn(
          "Could not record {} code map misses, will retry: {}",
          counts.size(),
          e.getClass().getSimpleName());
    }
  }

  @PreDestroy
  void flushAtShutdown() {
    flush();
  }

  List<CodeMapMiss> list(CodeMapKind kind, long afterId, int limit) {
    return repository.list(kind, afterId, limit);
  }
}
