package com.practicestudio.hl7v2;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Our side of {@link HapiOracleTest}: every populated leaf of a message, by path. */
final class Leaves {

  private Leaves() {}

  static String key(String segment, int field, int rep, int component, int sub) {
    return segment + "-" + field + "(" + rep + ")." + component + "." + sub;
  }

  /**
   * Path to decoded value; the explicit null reads as {@code ""} (two quotes), as HAPI keeps it.
   */
  static Map<String, String> read(Hl7Message message) {
    Map<String, String> leaves = new TreeMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Segment segment : message.segments()) {
      int occurrence = seen.merge(segment.name(), 1, Integer::sum);
      String prefix = segment.name() + "(" + occurrence + ")";
      for (int field = 1; field <= segment.fieldCount(); field++) {
        for (int rep = 1; rep <= segment.repetitionCount(field); rep++) {
          for (int component = 1; component <= segment.componentCount(field, rep); component++) {
            int subs = segment.subcomponentCount(field, rep, component);
            for (int sub = 1; sub <= subs; sub++) {
              ValueState state = segment.state(field, rep, component, sub);
              if (state == ValueState.NULL) {
                leaves.put(key(prefix, field, rep, component, sub), "\"\"");
              } else if (state == ValueState.VALUED) {
                leaves.put(
                    key(prefix, field, rep, component, sub),
                    segment.get(field, rep, component, sub));
              }
            }
          }
        }
      }
    }
    return leaves;
  }
}
