package com.practicestudio.codemaps;

import com.practicestudio.codemaps.ImportReport.RowError;
import com.practicestudio.web.InvalidRequestException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV form of code maps: a header row naming the columns ({@code kind, scope, codeSystem, code,
 * value, display, preferred}; the first, third, fourth and fifth are required, order free), then
 * one mapping per row. An empty scope is the default scope.
 */
final class CodeMapCsv {

  static final List<String> COLUMNS =
      List.of("kind", "scope", "codeSystem", "code", "value", "display", "preferred");
  private static final List<String> REQUIRED = List.of("kind", "codeSystem", "code", "value");
  private static final Set<String> TRUE = Set.of("true", "yes", "y", "1");
  private static final Set<String> FALSE = Set.of("false", "no", "n", "0");

  private CodeMapCsv() {}

  /** One data row and the line of the file it starts on. */
  record Row(long line, CodeMapInput input) {}

  record Parsed(List<Row> rows, List<RowError> errors) {}

  static Parsed parse(String text) {
    String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(true)
            .get();
    List<Row> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
      checkHeader(parser.getHeaderNames());
      Iterator<CSVRecord> records = parser.iterator();
      Lines lines = new Lines(csv);
      while (true) {
        CSVRecord r;
        try {
          if (!records.hasNext()) {
            break;
          }
          r = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          errors.add(
              new RowError(
                  parser.getCurrentLineNumber() + 1,
                  "row",
                  "is not valid CSV (check the quotes); the rest of the file was not read"));
          break;
        }
        long line = lines.at(r.getCharacterPosition());
        Boolean preferred = bool(get(r, "preferred"));
        if (preferred == null && get(r, "preferred") != null) {
          errors.add(new RowError(line, "preferred", "must be true or false"));
          continue;
        }
        rows.add(
            new Row(
                line,
                new CodeMapInput(
                    get(r, "kind"),
                    get(r, "scope"),
                    get(r, "codeSystem"),
                    get(r, "code"),
                    get(r, "value"),
                    get(r, "display"),
                    preferred)));
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new InvalidRequestException("file", "is not a CSV file with a header row");
    }
    return new Parsed(rows, errors);
  }

  static String write(List<CodeMap> maps) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(
            out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
      for (CodeMap m : maps) {
        printer.printRecord(
            m.kind().wire(),
            m.scope() == null ? "" : m.scope(),
            m.codeSystem(),
            m.code(),
            m.value(),
            m.display() == null ? "" : m.display(),
            m.preferred());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void checkHeader(List<String> header) {
    if (!header.containsAll(REQUIRED)) {
      throw new InvalidRequestException(
          "file",
          "must start with a header row naming the columns "
              + String.join(", ", COLUMNS)
              + " (scope, display and preferred may be left out)");
    }
  }

  private static String get(CSVRecord r, String column) {
    if (!r.isMapped(column) || !r.isSet(column)) {
      return null;
    }
    String v = r.get(column);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static Boolean bool(String text) {
    if (text == null) {
      return null;
    }
    String t = text.toLowerCase(Locale.ROOT);
    return TRUE.contains(t) ? Boolean.TRUE : FALSE.contains(t) ? Boolean.FALSE : null;
  }

  /** 1-based lines of increasing character positions, counted once through the text. */
  private static final class Lines {
    private final String text;
    private int scanned;
    private long line = 1;

    Lines(String text) {
      this.text = text;
    }

    long at(long position) {
      while (scanned < text.length()
          && (scanned < position || text.charAt(scanned) == '\n' || text.charAt(scanned) == '\r')) {
        // empty lines skipped before a record count too: its position is where they start
        if (text.charAt(scanned++) == '\n') {
          line++;
        }
      }
      return line;
    }
  }
}
