package com.practicestudio.fhir;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.codemaps.CodeSystems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default code maps exactly as the migration seeds them (read from {@code V031__seed_code_maps
 * .sql}), matched the way {@code CodeMaps} matches: systems normalised, codes ignoring case, a null
 * system matching any.
 */
final class SeedCodeMaps implements CodeTranslator {

  private static final Pattern ROW =
      Pattern.compile(
          "\\('([^']*)', '([^']*)', '((?:[^']|'')*)', '([^']*)', '((?:[^']|'')*)', (true|false)\\)");

  record Row(String kind, String system, String code, String value, boolean preferred) {}

  private final List<Row> rows;

  private SeedCodeMaps(List<Row> rows) {
    this.rows = rows;
  }

  static SeedCodeMaps load() {
    try (InputStream in =
        SeedCodeMaps.class.getResourceAsStream("/db/migration/V031__seed_code_maps.sql")) {
      String sql = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      List<Row> rows = new ArrayList<>();
      Matcher m = ROW.matcher(sql);
      while (m.find()) {
        rows.add(
            new Row(
                m.group(1),
                CodeSystems.normalise(m.group(2)),
                m.group(3).replace("''", "'"),
                m.group(4),
                Boolean.parseBoolean(m.group(6))));
      }
      return new SeedCodeMaps(List.copyOf(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** These maps and one more, as an operator would add it. */
  SeedCodeMaps with(CodeMapKind kind, String system, String code, String value) {
    List<Row> more = new ArrayList<>(rows);
    more.add(new Row(kind.wire(), CodeSystems.normalise(system), code, value, true));
    return new SeedCodeMaps(List.copyOf(more));
  }

  int size() {
    return rows.size();
  }

  @Override
  public Optional<String> toLocal(CodeMapKind kind, String system, String code) {
    String s = CodeSystems.normalise(system);
    String c = code.strip().toLowerCase(Locale.ROOT);
    return rows.stream()
        .filter(r -> r.kind().equals(kind.wire()))
        .filter(r -> s == null || r.system().equals(s))
        .filter(r -> r.code().toLowerCase(Locale.ROOT).equals(c))
        .sorted((a, b) -> Boolean.compare(b.preferred(), a.preferred()))
        .map(Row::value)
        .findFirst();
  }

  @Override
  public Optional<String> toCerner(CodeMapKind kind, String system, String value) {
    String s = CodeSystems.normalise(system);
    return rows.stream()
        .filter(r -> r.kind().equals(kind.wire()) && r.system().equals(s))
        .filter(r -> r.value().equals(value))
        .sorted((a, b) -> Boolean.compare(b.preferred(), a.preferred()))
        .map(Row::code)
        .findFirst();
  }
}
