package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Segment;
import java.util.Optional;

/**
 * The journal correlation key of an inbound message, so that messages about one patient are applied
 * in arrival order: {@code MRN:<value>} from PID-3 (the repetition whose identifier type, CX-5, is
 * {@code MR} or {@code MRN}); for merges (a message with an MRG segment, e.g. A40) the merged
 * patient's MRN from MRG-1. Without a typed MRN the first PID-3 identifier is used as {@code
 * PID:<value>}; without PID, no key.
 */
final class CorrelationKeys {

  private CorrelationKeys() {}

  static String of(Hl7Message m) {
    Optional<Segment> mrg = m.segment("MRG");
    if (mrg.isPresent()) {
      Optional<String> merged = mrn(mrg.get(), 1);
      if (merged.isPresent()) {
        return "MRN:" + merged.get();
      }
    }
    Optional<Segment> pid = m.segment("PID");
    if (pid.isEmpty()) {
      return null;
    }
    Optional<String> mrn = mrn(pid.get(), 3);
    if (mrn.isPresent()) {
      return "MRN:" + mrn.get();
    }
    String first = pid.get().get(3, 1, 1, 1);
    return first.isBlank() ? null : "PID:" + first.strip();
  }

  private static Optional<String> mrn(Segment segment, int field) {
    int reps = segment.repetitionCount(field);
    for (int rep = 1; rep <= reps; rep++) {
      String type = segment.get(field, rep, 5, 1).strip();
      String value = segment.get(field, rep, 1, 1).strip();
      if ((type.equalsIgnoreCase("MR") || type.equalsIgnoreCase("MRN")) && !value.isEmpty()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
