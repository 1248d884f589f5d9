package com.practicestudio.codemaps;

import com.practicestudio.codemaps.ImportReport.RowError;
import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Code maps: translation for channel handlers (from memory, no query per message) in both
 * directions, and editing for the API and console. Every change is audited as {@code
 * MAPPING_CHANGE} with the mapping before and after (code values are not PHI).
 */
@Service
public class CodeMaps {

  private final CodeMapRepository maps;
  private final CodeMapValidator validator;
  private final AuditLog audit;
  private final Clock clock;
  private final CodeMapCache cache;
  private final CodeMapMisses misses;

  CodeMaps(
      CodeMapRepository maps,
      CodeMapMisses misses,
      LocationService locations,
      ProviderService providers,
      AuditLog audit,
      Clock clock,
      CodeMapsProperties settings) {
    this.maps = maps;
    this.misses = misses;
    this.validator = new CodeMapValidator(locations, providers);
    this.audit = audit;
    this.clock = clock;
    this.cache = new CodeMapCache(maps, clock, settings.refreshInterval());
  }

  // ---- translation

  /** The Practice Studio value of a Cerner code (default scope); empty when unmapped. */
  public Optional<String> translate(CodeMapKind kind, String codeSystemOrCodeSet, String code) {
    return translate(kind, null, codeSystemOrCodeSet, code);
  }

  /**
   * The Practice Studio value of a Cerner code: the scope's map first, then the default one. A null
   * code system matches any system of the kind (a preferred mapping first). Codes match ignoring
   * case; {@code CD:309237} and {@code 309237} match each other.
   *
   * @param scope the Cerner domain or interface the code came from; null for the default maps
   */
  public Optional<String> translate(
      CodeMapKind kind, String scope, String codeSystemOrCodeSet, String code) {
    return lookup(kind, scope, codeSystemOrCodeSet, code).map(CodeMap::value);
  }

  /** The mapping {@link #translate} would use. */
  public Optional<CodeMap> lookup(
      CodeMapKind kind, String scope, String codeSystemOrCodeSet, String code) {
    if (kind == null || code == null || code.isBlank()) {
      return Optional.empty();
    }
    return cache
        .snapshot()
        .lookup(kind, clean(scope), CodeSystems.normalise(codeSystemOrCodeSet), code);
  }

  /** The Cerner code for a Practice Studio value in one code system (default scope), outbound. */
  public Optional<String> toCerner(CodeMapKind kind, String codeSystemOrCodeSet, String value) {
    return reverse(kind, null, codeSystemOrCodeSet, value).map(CodeMap::code);
  }

  /**
   * The mapping to use for sending a Practice Studio value to Cerner in one code system: the
   * scope's first, then the default's; a {@code preferred} one before others.
   */
  public Optional<CodeMap> reverse(
      CodeMapKind kind, String scope, String codeSystemOrCodeSet, String value) {
    String system = CodeSystems.normalise(codeSystemOrCodeSet);
    if (kind == null || system == null || value == null || value.isBlank()) {
      return Optional.empty();
    }
    return cache.snapshot().reverse(kind, clean(scope), system, value.strip());
  }

  // ---- codes without a mapping

  /**
   * Records that nothing maps a code, for the report of codes without a mapping. Call it when a
   * lookup has failed for good, not for each try of a fallback chain. Counted in memory, written
   * every few seconds.
   *
   * @param scope the scope the lookup used; null for the default maps
   * @param codeSystem the system the message named, else the field's table; null when neither
   * @param exchangeId the journal row that carried the code; null when not known
   */
  public void unmapped(
      CodeMapKind kind, String scope, String codeSystem, String code, Long exchangeId) {
    misses.note(kind, scope, codeSystem, code, exchangeId);
  }

  /**
   * The codes recorded without a mapping that still have none: a code that a mapping of its kind
   * now translates (in its scope or the default, any code system) is left out.
   */
  public Page<CodeMapMiss> misses(CodeMapKind kind, int limit, String cursor) {
    long after = Cursor.decodeId(cursor);
    List<CodeMapMiss> open = new ArrayList<>();
    while (open.size() <= limit) {
      List<CodeMapMiss> batch = misses.list(kind, after, limit + 1);
      batch.stream().filter(m -> !mappedNow(m)).forEach(open::add);
      if (batch.size() <= limit) {
        break;
      }
      after = batch.get(batch.size() - 1).id();
    }
    List<CodeMapMiss> fetched = open.size() > limit + 1 ? open.subList(0, limit + 1) : open;
    return Cursor.page(fetched, limit, m -> Long.toString(m.id()));
  }

  private boolean mappedNow(CodeMapMiss miss) {
    return lookup(miss.kind(), miss.scope(), null, miss.code()).isPresent();
  }

  // ---- editing

  public Page<CodeMap> list(CodeMapQuery query, int limit, String cursor) {
    CodeMapQuery q =
        new CodeMapQuery(
            query.kind(),
            clean(query.scope()),
            CodeSystems.normalise(query.codeSystem()),
            clean(query.code()),
            clean(query.value()));
    return Cursor.page(
        maps.list(q, Cursor.decodeId(cursor), limit + 1), limit, m -> Long.toString(m.id()));
  }

  public CodeMap get(long id) {
    return maps.find(id).orElseThrow(() -> new NotFoundException("code map", id));
  }

  @Transactional
  public CodeMap create(CodeMapInput input) {
    CodeMapRepository.Row row = validator.validateOrThrow(input);
    maps.findByKey(row).ifPresent(existing -> conflict(existing.id()));
    long id = maps.insert(row, clock.instant());
    CodeMap created = get(id);
    changed("create", null, created);
    return created;
  }

  @Transactional
  public CodeMap update(long id, CodeMapInput input) {
    CodeMap before = get(id);
    CodeMapRepository.Row row = validator.validateOrThrow(input);
    maps.findByKey(row).filter(other -> other.id() != id).ifPresent(other -> conflict(other.id()));
    maps.update(id, row, clock.instant());
    CodeMap after = get(id);
    changed("update", before, after);
    return after;
  }

  @Transactional
  public void delete(long id) {
    CodeMap before = get(id);
    maps.delete(id);
    changed("delete", before, null);
  }

  /**
   * Imports a CSV file (see {@link CodeMapCsv}): each good row creates or updates the mapping with
   * its key (kind, scope, code system, code); bad rows are reported with their line numbers and
   * left out. One transaction for all good rows.
   */
  @Transactional
  public ImportReport importCsv(String csv) {
    CodeMapCsv.Parsed parsed = CodeMapCsv.parse(csv);
    List<RowError> errors = new ArrayList<>(parsed.errors());
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    for (CodeMapCsv.Row r : parsed.rows()) {
      List<FieldProblem> problems = new ArrayList<>();
      CodeMapRepository.Row row = validator.validate(r.input(), problems);
      if (!problems.isEmpty()) {
        problems.forEach(p -> errors.add(new RowError(r.line(), p.field(), p.message())));
        continue;
      }
      Optional<CodeMap> existing = maps.findByKey(row);
      if (existing.isEmpty()) {
        CodeMap created = get(maps.insert(row, clock.instant()));
        changed("import", null, created);
        inserted++;
      } else if (sameContent(existing.get(), row)) {
        unchanged++;
      } else {
        maps.update(existing.get().id(), row, clock.instant());
        changed("import", existing.get(), get(existing.get().id()));
        updated++;
      }
    }
    errors.sort(java.util.Comparator.comparingLong(RowError::line));
    audit.record(
        AuditAction.MAPPING_CHANGE,
        "code_map",
        null,
        Map.of(
            "change", "import-summary",
            "inserted", inserted,
            "updated", updated,
            "unchanged", unchanged,
            "rejected", errors.size()));
    return new ImportReport(inserted, updated, unchanged, errors);
  }

  /** Every mapping (of one kind when given) as CSV that {@link #importCsv} reads back. */
  public String exportCsv(CodeMapKind kind) {
    return CodeMapCsv.write(maps.export(kind));
  }

  private void changed(String change, CodeMap before, CodeMap after) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("change", change);
    detail.put("before", describe(before));
    detail.put("after", describe(after));
    audit.record(
        AuditAction.MAPPING_CHANGE, "code_map", (after != null ? after : before).id(), detail);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              cache.invalidate();
            }
          });
    } else {
      cache.invalidate();
    }
  }

  private static Map<String, Object> describe(CodeMap m) {
    if (m == null) {
      return null;
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("kind", m.kind().wire());
    d.put("scope", m.scope());
    d.put("codeSystem", m.codeSystem());
    d.put("code", m.code());
    d.put("value", m.value());
    d.put("display", m.display());
    d.put("preferred", m.preferred());
    return d;
  }

  private static boolean sameContent(CodeMap m, CodeMapRepository.Row r) {
    return m.code().equals(r.code())
        && m.value().equals(r.value())
        && java.util.Objects.equals(m.display(), r.display())
        && m.preferred() == r.preferred();
  }

  private static void conflict(long existingId) {
    throw new ConflictException(
        "code map " + existingId + " already maps this code (same kind, scope and code system)");
  }

  static String clean(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
