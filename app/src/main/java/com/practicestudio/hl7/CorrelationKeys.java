package com.practicestudio.hl7;

import com.practicestudio.hl7.inbound.MrnRule;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Segment;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The journal correlation key of an inbound message, so that messages about one patient are applied
 * in arrival order: {@code MRN:<value>} from the PID-3 repetition the handlers take as the MRN
 * ({@link MrnRule}); for merges (a message with an MRG segment, e.g. A40) the merged patient's MRN
 * from MRG-1 by the same rule. Without an MRN the first PID-3 identifier is used as {@code
 * PID:<value>}; without PID, no key.
 */
final class CorrelationKeys {

  private final MrnRule mrns;

  CorrelationKeys(MrnRule mrns) {
    this.mrns = mrns;
  }

  String of(Hl7Message m) {
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

  private Optional<String> mrn(Segment segment, int field) {
    OptionalInt rep = mrns.repetition(segment, field);
    return rep.isEmpty()
        ? Optional.empty()
        : Optional.of(segment.get(field, rep.getAsInt(), 1, 1).strip());
  }
}
