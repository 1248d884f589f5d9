package com.practicestudio.bench.mllp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a JVM's unified GC log ({@code -Xlog:gc}). */
final class GcLog {

  /** "… Pause Young (Normal) (G1 Evacuation Pause) 301M->45M(512M) 3.456ms": in use before. */
  private static final Pattern BEFORE_AFTER = Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(");

  private GcLog() {}

  /** The largest heap in use before any collection logged in {@code text}, in bytes. */
  static long peakBytes(String text) {
    long peak = 0;
    Matcher m = BEFORE_AFTER.matcher(text);
    while (m.find()) {
      long amount = Long.parseLong(m.group(1));
      int shift =
          switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            default -> 30;
          };
      peak = Math.max(peak, amount << shift);
    }
    return peak;
  }
}
