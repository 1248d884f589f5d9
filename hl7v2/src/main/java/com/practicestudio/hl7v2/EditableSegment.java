package com.practicestudio.hl7v2;

import java.util.ArrayList;
import java.util.List;

/**
 * One segment inside a {@link MessageBuilder}: kept as its original line until a field is set, then
 * as a list of encoded fields (index 0 is the name; in MSH/FHS/BHS index {@code n - 1} is field
 * {@code n}, and the separator itself is not in the list).
 */
final class EditableSegment {

  private final Delimiters delimiters;
  private String line;
  private List<String> fields;

  EditableSegment(String line, Delimiters delimiters) {
    this.line = line;
    this.delimiters = delimiters;
  }

  String name() {
    String text = line != null ? line : fields.get(0);
    int end = text.indexOf(delimiters.field());
    return end < 0 ? text : text.substring(0, end);
  }

  boolean isHeader() {
    String name = name();
    return name.equals("MSH") || name.equals("FHS") || name.equals("BHS");
  }

  /** Replaces the encoded text at a position; a part given as 0 means the whole enclosing part. */
  void set(int field, int rep, int component, int subcomponent, String encoded) {
    boolean header = isHeader();
    if (header && field <= 2) {
      throw new Hl7ParseException(Hl7Error.INVALID_VALUE, -1, name() + "-" + field);
    }
    List<String> parts = fields();
    int index = header ? field - 1 : field;
    while (parts.size() <= index) {
      parts.add("");
    }
    String value = encoded;
    if (rep != 0 || component != 0) {
      String current = parts.get(index);
      int repetition = Math.max(rep, 1);
      String repText = part(current, delimiters.repetitionChar(), repetition);
      if (component != 0) {
        String compText = part(repText, delimiters.componentChar(), component);
        if (subcomponent != 0) {
          value = replace(compText, delimiters.subcomponentChar(), subcomponent, value);
        }
        value = replace(repText, delimiters.componentChar(), component, value);
      }
      value = replace(current, delimiters.repetitionChar(), repetition, value);
    }
    parts.set(index, value);
  }

  void encodeTo(StringBuilder out) {
    if (line != null) {
      out.append(line);
      return;
    }
    char separator = delimiters.field();
    out.append(fields.get(0));
    if (isHeader()) {
      out.append(separator).append(fields.get(1));
    }
    for (int i = isHeader() ? 2 : 1; i < fields.size(); i++) {
      out.append(separator).append(fields.get(i));
    }
  }

  private List<String> fields() {
    if (fields == null) {
      fields = new ArrayList<>();
      char separator = delimiters.field();
      int start = 0;
      boolean header = line.startsWith("MSH") || line.startsWith("FHS") || line.startsWith("BHS");
      if (header) {
        // name, then MSH-2 (MSH-1 is the separator itself)
        fields.add(line.substring(0, 3));
        start = 4;
      }
      for (int i = start; i <= line.length(); i++) {
        if (i == line.length() || line.charAt(i) == separator) {
          fields.add(line.substring(start, i));
          start = i + 1;
        }
      }
      line = null;
    }
    return fields;
  }

  private static String part(String text, int separator, int n) {
    long span = Spans.part(text, Spans.of(0, text.length()), separator, n);
    return span == Spans.NONE ? "" : text.substring(Spans.start(span), Spans.end(span));
  }

  /** {@code text} with its {@code n}-th part replaced, adding separators when it has fewer. */
  private static String replace(String text, int separator, int n, String replacement) {
    if (n > 1 && separator == Delimiters.NONE) {
      throw new Hl7ParseException(Hl7Error.INVALID_VALUE, -1, "no delimiter for part " + n);
    }
    long span = Spans.part(text, Spans.of(0, text.length()), separator, n);
    if (span != Spans.NONE) {
      return text.substring(0, Spans.start(span)) + replacement + text.substring(Spans.end(span));
    }
    int parts = text.isEmpty() ? 1 : Spans.count(text, Spans.of(0, text.length()), separator);
    return text + String.valueOf((char) separator).repeat(n - parts) + replacement;
  }
}
