package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.MessageBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a message segment by segment, in order, over the {@code hl7v2} {@link MessageBuilder}:
 * each {@link #add} appends a segment and hands back a writer for its fields, so callers never
 * count segment occurrences.
 */
final class MessageWriter {

  private final MessageBuilder builder = MessageBuilder.create();
  private final Map<String, Integer> occurrences = new HashMap<>();

  /** The MSH segment (already there). */
  Seg msh() {
    return new Seg("MSH");
  }

  /** Appends a segment. */
  Seg add(String name) {
    builder.addSegment(name);
    int occurrence = occurrences.merge(name, 1, Integer::sum);
    return new Seg(name + "(" + occurrence + ")");
  }

  Hl7Message build() {
    return builder.build();
  }

  /** The fields of one segment, addressed as {@code 3(2).4} (field, repetition, component). */
  final class Seg {
    private final String prefix;

    private Seg(String prefix) {
      this.prefix = prefix;
    }

    /** Sets a value (escaped); null or empty leaves the position empty. */
    Seg set(String position, String value) {
      if (value != null && !value.isEmpty()) {
        builder.set(prefix + "-" + position, value);
      }
      return this;
    }

    Seg set(String position, long value) {
      return set(position, Long.toString(value));
    }

    /** Writes the explicit null {@code ""}: the receiver should clear what it holds. */
    Seg nullify(String position) {
      builder.setNull(prefix + "-" + position);
      return this;
    }

    /** Sets the value, or the explicit null when there is none. */
    Seg setOrNull(String position, String value) {
      return value == null || value.isEmpty() ? nullify(position) : set(position, value);
    }
  }
}
