package com.practicestudio.bench.hl7v2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The naive baseline: {@code String.split} into segments, fields, repetitions and components, as a
 * quick hand-written parser would (standard delimiters only, no escapes, no subcomponents, MSH-2
 * split like any field).
 */
final class SplitParser {

  private static final Pattern SEGMENTS = Pattern.compile("\r\n|\r|\n");
  private static final Pattern FIELDS = Pattern.compile("\\|");
  private static final Pattern REPETITIONS = Pattern.compile("~");
  private static final Pattern COMPONENTS = Pattern.compile("\\^");

  /** Segments in order, each [field][repetition][component]. */
  private final List<String[][][]> ordered = new ArrayList<>();

  /** Segment name to its first occurrence. */
  private final Map<String, String[][][]> first = new HashMap<>();

  SplitParser(String text) {
    for (String segment : SEGMENTS.split(text)) {
      String[] fields = FIELDS.split(segment, -1);
      String[][][] parsed = new String[fields.length][][];
      for (int f = 0; f < fields.length; f++) {
        String[] repetitions = REPETITIONS.split(fields[f], -1);
        parsed[f] = new String[repetitions.length][];
        for (int r = 0; r < repetitions.length; r++) {
          parsed[f][r] = COMPONENTS.split(repetitions[r], -1);
        }
      }
      ordered.add(parsed);
      first.putIfAbsent(fields[0], parsed);
    }
  }

  /** Field numbers as in HL7 (MSH-n is split field n - 1). */
  String get(String segment, int field, int rep, int component) {
    String[][][] parsed = first.get(segment);
    int index = segment.equals("MSH") ? field - 1 : field;
    if (parsed == null || index >= parsed.length || rep > parsed[index].length) {
      return "";
    }
    String[] components = parsed[index][rep - 1];
    return component > components.length ? "" : components[component - 1];
  }

  /** Joins the tree back with CR terminators. */
  String encode() {
    StringBuilder out = new StringBuilder(1024);
    for (String[][][] segment : ordered) {
      for (int f = 0; f < segment.length; f++) {
        if (f > 0) {
          out.append('|');
        }
        for (int r = 0; r < segment[f].length; r++) {
          if (r > 0) {
            out.append('~');
          }
          String[] components = segment[f][r];
          for (int c = 0; c < components.length; c++) {
            if (c > 0) {
              out.append('^');
            }
            out.append(components[c]);
          }
        }
      }
      out.append('\r');
    }
    return out.toString();
  }
}
