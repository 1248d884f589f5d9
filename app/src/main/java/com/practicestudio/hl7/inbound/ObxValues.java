package com.practicestudio.hl7.inbound;

import com.practicestudio.clinical.UcumUnits;
import com.practicestudio.hl7v2.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How OBX (and OBR) values read as observation fields: the code (LOINC preferred, from OBX-3's
 * first or alternate coding, else the order's OBR-4), the value by its OBX-2 type, the unit as
 * UCUM, the status (HL7 table 0085), the abnormal flags and the category (OBR-24, HL7 table 0074).
 */
final class ObxValues {

  static final String LOINC = "http://loinc.org";
  static final String LOCAL = "L";

  private static final Set<String> LOINC_NAMES =
      Set.of("LN", "LNC", "LOINC", "HTTP://LOINC.ORG", "2.16.840.1.113883.6.1");

  private static final Map<String, String> STATUSES =
      Map.ofEntries(
          Map.entry("F", "final"),
          Map.entry("U", "final"),
          Map.entry("C", "corrected"),
          Map.entry("A", "amended"),
          Map.entry("P", "preliminary"),
          Map.entry("R", "preliminary"),
          Map.entry("S", "preliminary"),
          Map.entry("I", "registered"),
          Map.entry("O", "registered"),
          Map.entry("X", "cancelled"),
          Map.entry("D", "entered-in-error"),
          Map.entry("W", "entered-in-error"),
          Map.entry("N", "unknown"));

  private static final Set<String> IMAGING =
      Set.of("CT", "CUS", "NMR", "NMS", "OUS", "RAD", "RUS", "RX", "VUS", "XRC", "MR", "US");
  private static final Set<String> PROCEDURE = Set.of("EC", "EN", "PF", "CTH");
  private static final Set<String> THERAPY = Set.of("OT", "PT", "RC", "RT");
  private static final Set<String> VITAL_SIGN_CODES =
      Set.of(
          "8867-4", "8480-6", "8462-4", "8310-5", "9279-1", "29463-7", "8302-2", "39156-5",
          "59408-5", "2708-6", "85354-9", "8478-0", "8287-5");

  /** An observation code. */
  record Code(String code, String system, String display) {}

  private ObxValues() {}

  /** OBX-3 (or OBR-4 when OBX-3 is empty); null when neither gives a code. */
  static Code code(Segment obx, Segment obr) {
    Code code = code(obx, 3);
    if (code == null && obr != null) {
      code = code(obr, 4);
    }
    return code;
  }

  /** A CE/CWE field as a code, its LOINC coding preferred. */
  static Code code(Segment s, int field) {
    String code = Fields.text(s, field, 1);
    String text = Fields.text(s, field, 2);
    String system = Fields.text(s, field, 3);
    String alternate = Fields.text(s, field, 4);
    String alternateSystem = Fields.text(s, field, 6);
    if (code != null && isLoinc(system)) {
      return new Code(code, LOINC, text);
    }
    if (alternate != null && isLoinc(alternateSystem)) {
      String alternateText = Fields.text(s, field, 5);
      return new Code(alternate, LOINC, alternateText != null ? alternateText : text);
    }
    if (code != null) {
      return new Code(code, system != null ? system : LOCAL, text);
    }
    if (alternate != null) {
      return new Code(alternate, alternateSystem != null ? alternateSystem : LOCAL, text);
    }
    return null;
  }

  static boolean isLoinc(String system) {
    return system != null && LOINC_NAMES.contains(system.strip().toUpperCase(Locale.ROOT));
  }

  /** The value of a (non-ED) result as text; null when the result carries none. */
  static String value(OruResults.Result r) {
    String type = r.valueType();
    if (type.equals("TX") || type.equals("FT")) {
      List<String> lines = new ArrayList<>();
      for (Segment line : r.lines) {
        for (int rep = 1; rep <= Math.max(1, line.repetitionCount(5)); rep++) {
          String text = line.plainText(5, rep, 1, 1);
          lines.add(text.stripTrailing());
        }
      }
      String joined = String.join("\n", lines).strip();
      return joined.isEmpty() ? null : joined;
    }
    List<String> reps = new ArrayList<>();
    for (int rep = 1; rep <= r.obx.repetitionCount(5); rep++) {
      String value = repetition(r.obx, rep, type);
      if (value != null) {
        reps.add(value);
      }
    }
    return reps.isEmpty() ? null : String.join(", ", reps);
  }

  private static String repetition(Segment obx, int rep, String type) {
    return switch (type) {
      case "ST", "NM" -> Fields.plainText(obx, 5, rep, 1);
      case "SN" -> structuredNumeric(obx, rep);
      case "CE", "CWE", "CNE", "CF" ->
          Fields.text(obx, 5, rep, 2, 1) != null
              ? Fields.text(obx, 5, rep, 2, 1)
              : Fields.text(obx, 5, rep, 1, 1);
      default -> components(obx, rep);
    };
  }

  /** SN: comparator, number, separator/suffix, number ({@code >^11.0} → {@code >11.0}). */
  private static String structuredNumeric(Segment obx, int rep) {
    StringBuilder value = new StringBuilder();
    for (int c = 1; c <= 4; c++) {
      String part = Fields.text(obx, 5, rep, c, 1);
      if (part != null) {
        value.append(part);
      }
    }
    return value.isEmpty() ? null : value.toString();
  }

  private static String components(Segment obx, int rep) {
    List<String> parts = new ArrayList<>();
    for (int c = 1; c <= obx.componentCount(5, rep); c++) {
      String part = Fields.text(obx, 5, rep, c, 1);
      if (part != null) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  /**
   * OBX-6 as UCUM: its code as sent when OBX-6.3 names UCUM (or the alternate OBX-6.4 when OBX-6.6
   * does), else the code (or the text OBX-6.2) translated from a common spelling ({@code mg/dl},
   * {@code K/uL}), else as sent, so that a unit without known UCUM form is kept; null when none.
   */
  static String unit(Segment obx) {
    String code = Fields.text(obx, 6, 1);
    if (code != null && UcumUnits.isUcumSystem(Fields.text(obx, 6, 3))) {
      return code;
    }
    String alternate = Fields.text(obx, 6, 4);
    if (alternate != null && UcumUnits.isUcumSystem(Fields.text(obx, 6, 6))) {
      return alternate;
    }
    return UcumUnits.code(code != null ? code : Fields.text(obx, 6, 2)).orElse(null);
  }

  /** OBX-11 as an observation status; {@code unknown} when not sent. */
  static String status(Segment obx) {
    String code = Fields.text(obx, 11);
    return code == null
        ? "unknown"
        : STATUSES.getOrDefault(code.toUpperCase(Locale.ROOT), "unknown");
  }

  /** OBX-8 codes joined by {@code ~} (the first alone when they do not fit in 10 characters). */
  static String abnormalFlags(Segment obx) {
    List<String> flags = new ArrayList<>();
    for (int rep = 1; rep <= obx.repetitionCount(8); rep++) {
      String flag = Fields.text(obx, 8, rep, 1, 1);
      if (flag != null) {
        flags.add(flag);
      }
    }
    if (flags.isEmpty()) {
      return null;
    }
    String joined = String.join("~", flags);
    return joined.length() <= 10
        ? joined
        : flags.get(0).substring(0, Math.min(10, flags.get(0).length()));
  }

  /** The category: vital signs by LOINC code, else by the order's diagnostic section (OBR-24). */
  static String category(Code code, Segment obr) {
    if (LOINC.equals(code.system()) && VITAL_SIGN_CODES.contains(code.code())) {
      return "vital-signs";
    }
    String section = obr == null ? null : Fields.text(obr, 24);
    String s = section == null ? "" : section.toUpperCase(Locale.ROOT);
    if (IMAGING.contains(s)) {
      return "imaging";
    }
    if (PROCEDURE.contains(s)) {
      return "procedure";
    }
    if (THERAPY.contains(s)) {
      return "therapy";
    }
    if (s.equals("PHY")) {
      return "exam";
    }
    return "laboratory";
  }

  /** Text cut to {@code max} characters (labels the records keep shorter than HL7 allows). */
  static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
