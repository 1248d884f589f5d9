package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.patients.PatientInput.CoverageInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Coverages from IN1 segments: insurer (IN1-4 company name, else the plan text of IN1-2), insurer
 * id IN1-3, plan IN1-2, group number IN1-8, effective/expiration IN1-12/IN1-13, subscriber IN1-16,
 * relationship IN1-17 (HL7 table 0063), member id IN1-36 (policy number) else IN1-49 (insured's
 * id). The set id IN1-1 is the priority. An IN1 naming no insurer is left out.
 */
final class In1Mapper {

  private static final Map<String, String> RELATIONSHIPS =
      Map.ofEntries(
          Map.entry("SEL", "self"),
          Map.entry("SELF", "self"),
          Map.entry("18", "self"),
          Map.entry("SPO", "spouse"),
          Map.entry("SPOUSE", "spouse"),
          Map.entry("01", "spouse"),
          Map.entry("DOM", "life-partner"),
          Map.entry("CHD", "child"),
          Map.entry("CHILD", "child"),
          Map.entry("NCH", "child"),
          Map.entry("SCH", "child"),
          Map.entry("FCH", "child"),
          Map.entry("19", "child"),
          Map.entry("PAR", "parent"),
          Map.entry("MTH", "parent"),
          Map.entry("FTH", "parent"),
          Map.entry("GRD", "guardian"),
          Map.entry("OTH", "other"));

  private In1Mapper() {}

  /** The coverages of the message, or null when it has no usable IN1 (coverages then stay). */
  static List<CoverageInput> coverages(Hl7Message message) {
    List<CoverageInput> coverages = new ArrayList<>();
    int position = 0;
    for (Segment in1 : message.segments("IN1")) {
      position++;
      String at = "IN1(" + position + ")";
      String insurer =
          firstOf(Fields.text(in1, 4, 1), Fields.text(in1, 2, 2), Fields.text(in1, 2, 1));
      if (insurer == null) {
        continue;
      }
      LocalDate effective = Fields.date(in1, 12, 1, at + "-12");
      LocalDate expiration = Fields.date(in1, 13, 1, at + "-13");
      coverages.add(
          new CoverageInput(
              priority(in1, position),
              insurer,
              Fields.text(in1, 3, 1),
              firstOf(Fields.text(in1, 2, 2), Fields.text(in1, 2, 1)),
              firstOf(Fields.text(in1, 36), Fields.text(in1, 49, 1)),
              Fields.text(in1, 8),
              subscriber(in1),
              relationship(in1),
              effective == null ? null : effective.toString(),
              expiration == null ? null : expiration.toString()));
    }
    return coverages.isEmpty() ? null : coverages;
  }

  private static Integer priority(Segment in1, int position) {
    String setId = Fields.text(in1, 1);
    if (setId != null && setId.chars().allMatch(Character::isDigit) && setId.length() < 4) {
      int value = Integer.parseInt(setId);
      return value > 0 ? value : position;
    }
    return position;
  }

  /** IN1-16 as "given middle family". */
  private static String subscriber(Segment in1) {
    StringJoiner name = new StringJoiner(" ");
    for (String part :
        new String[] {
          Fields.text(in1, 16, 1, 2, 1),
          Fields.text(in1, 16, 1, 3, 1),
          Fields.text(in1, 16, 1, 1, 1)
        }) {
      if (part != null) {
        name.add(part);
      }
    }
    return name.length() == 0 ? null : name.toString();
  }

  private static String relationship(Segment in1) {
    String code = Fields.text(in1, 17, 1);
    String text = Fields.text(in1, 17, 2);
    if (code != null) {
      String known = RELATIONSHIPS.get(code.toUpperCase(Locale.ROOT));
      if (known != null) {
        return known;
      }
    }
    String given = text != null ? text : code;
    return given == null ? null : given.toLowerCase(Locale.ROOT);
  }

  private static String firstOf(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
