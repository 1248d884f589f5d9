package com.practicestudio.hl7v2;

/**
 * Flat offsets into the text of one message: where each segment starts and ends and where each of
 * its field separators is. Built once by {@link MessageScanner}; components, repetitions and
 * subcomponents are found on demand by scanning inside a field.
 *
 * <p>For segment {@code s}, {@code bounds[first[s]] .. bounds[first[s + 1] - 1]} hold the offsets
 * of its field separators followed by its end, so split field {@code j} (1-based) runs from {@code
 * bounds[first[s] + j - 1] + 1} to {@code bounds[first[s] + j]}. In MSH, FHS and BHS the first
 * separator is itself field 1, so HL7 field {@code n} is split field {@code n - 1} there.
 */
final class MessageIndex {

  final String text;
  final Delimiters delimiters;
  final int count;
  final int[] starts;
  final int[] ends;
  final int[] first;
  final int[] bounds;

  MessageIndex(
      String text,
      Delimiters delimiters,
      int count,
      int[] starts,
      int[] ends,
      int[] first,
      int[] bounds) {
    this.text = text;
    this.delimiters = delimiters;
    this.count = count;
    this.starts = starts;
    this.ends = ends;
    this.first = first;
    this.bounds = bounds;
  }

  String name(int segment) {
    return text.substring(starts[segment], bounds[first[segment]]);
  }

  boolean nameEquals(int segment, String name) {
    int start = starts[segment];
    return bounds[first[segment]] - start == name.length()
        && text.regionMatches(start, name, 0, name.length());
  }

  /** MSH, FHS and BHS: field 1 is the separator and field 2 the encoding characters. */
  boolean isHeader(int segment) {
    int start = starts[segment];
    if (bounds[first[segment]] - start != 3) {
      return false;
    }
    char a = text.charAt(start);
    char b = text.charAt(start + 1);
    char c = text.charAt(start + 2);
    return a == 'M' && b == 'S' && c == 'H' || (a == 'F' || a == 'B') && b == 'H' && c == 'S';
  }

  /** Index of the {@code occurrence}-th (1-based) segment with this name, or -1. */
  int find(String name, int occurrence) {
    int seen = 0;
    for (int s = 0; s < count; s++) {
      if (nameEquals(s, name) && ++seen == occurrence) {
        return s;
      }
    }
    return -1;
  }

  /** The highest field number present (MSH counts MSH-1). */
  int fieldCount(int segment) {
    int split = first[segment + 1] - first[segment] - 1;
    return isHeader(segment) && split > 0 ? split + 1 : split;
  }

  long fieldSpan(int segment, int field) {
    int split = field;
    if (isHeader(segment)) {
      int separator = starts[segment] + 3;
      if (field == 1) {
        return separator < ends[segment] ? Spans.of(separator, separator + 1) : Spans.NONE;
      }
      split = field - 1;
    }
    int base = first[segment];
    if (split < 1 || split > first[segment + 1] - base - 1) {
      return Spans.NONE;
    }
    return Spans.of(bounds[base + split - 1] + 1, bounds[base + split]);
  }

  /** True for MSH-1 and MSH-2 (and FHS/BHS), which are never split into parts. */
  boolean isAtomic(int segment, int field) {
    return field <= 2 && isHeader(segment);
  }

  /**
   * The span at the given position; a part given as 0 ends the descent there (so {@code rep == 0}
   * is the whole field).
   */
  long locate(int segment, int field, int rep, int component, int subcomponent) {
    long span = fieldSpan(segment, field);
    if (span == Spans.NONE) {
      return span;
    }
    if (isAtomic(segment, field)) {
      return rep > 1 || component > 1 || subcomponent > 1 ? Spans.NONE : span;
    }
    if (rep == 0 && component == 0) {
      return span;
    }
    span = Spans.part(text, span, delimiters.repetitionChar(), Math.max(rep, 1));
    if (component == 0) {
      return span;
    }
    span = Spans.part(text, span, delimiters.componentChar(), component);
    if (subcomponent == 0) {
      return span;
    }
    return Spans.part(text, span, delimiters.subcomponentChar(), subcomponent);
  }

  /** The span at a path; {@code leaf} fills parts left out with 1. */
  long locate(Hl7Path path, boolean leaf) {
    int segment = find(path.segment(), path.occurrenceOrFirst());
    if (segment < 0) {
      return Spans.NONE;
    }
    if (leaf) {
      return locate(
          segment,
          path.field(),
          Math.max(path.repetition(), 1),
          Math.max(path.component(), 1),
          Math.max(path.subcomponent(), 1));
    }
    int component = path.component();
    int rep = path.repetition() == 0 && component > 0 ? 1 : path.repetition();
    return locate(segment, path.field(), rep, component, path.subcomponent());
  }
}
