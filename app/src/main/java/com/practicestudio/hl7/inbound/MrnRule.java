package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Segment;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Which repetition of a CX field (PID-3, MRG-1) holds the medical record number. One rule for the
 * handlers that apply a message and for the key that keeps one patient's messages in order: were
 * the two to differ, a patient could be ordered under one key and found under another.
 */
public final class MrnRule {

  private static final Pattern RAW_CODE = Pattern.compile("(?i)CD:\\d+");

  private final Hl7HandlersProperties settings;

  public MrnRule(Hl7HandlersProperties settings) {
    this.settings = settings;
  }

  /**
   * Among the repetitions with a value: the first whose type (CX-5) is an MRN type; else, for
   * Cerner domains that send a raw alias type, the first whose type is empty or a {@code CD:} value
   * and whose assigning authority is an MRN type; else the first without a type.
   */
  public OptionalInt repetition(Segment segment, int field) {
    int reps = segment.repetitionCount(field);
    int rawOrUntypedWithMrnAuthority = 0;
    int firstUntyped = 0;
    for (int rep = 1; rep <= reps; rep++) {
      Fields.Cx cx = Fields.cx(segment, field, rep);
      if (cx.value() == null) {
        continue;
      }
      if (settings.isMrnType(cx.type())) {
        return OptionalInt.of(rep);
      }
      boolean rawOrUntyped = cx.type() == null || RAW_CODE.matcher(cx.type()).matches();
      if (rawOrUntyped && rawOrUntypedWithMrnAuthority == 0 && settings.isMrnType(cx.authority())) {
        rawOrUntypedWithMrnAuthority = rep;
      }
      if (cx.type() == null && firstUntyped == 0) {
        firstUntyped = rep;
      }
    }
    int chosen = rawOrUntypedWithMrnAuthority != 0 ? rawOrUntypedWithMrnAuthority : firstUntyped;
    return chosen == 0 ? OptionalInt.empty() : OptionalInt.of(chosen);
  }
}
