package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.hl7v2.Hl7Timestamp;
import com.practicestudio.hl7v2.Hl7Timestamps;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.hl7v2.ValueState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads HL7 v2 values out of a segment the way every handler needs them: trimmed text or null, the
 * state of a whole field ({@code ""} clears, empty keeps), and the composite types the mapping uses
 * (CE/CWE, CX, XCN, PL). Errors name the field ({@code PID-7}) and never quote the value.
 */
final class Fields {

  private Fields() {}

  /** The trimmed value, or null when empty, absent or the explicit null {@code ""}. */
  static String text(Segment s, int field, int rep, int component, int sub) {
    String value = s.get(field, rep, component, sub);
    return value.isBlank() ? null : value.strip();
  }

  static String text(Segment s, int field, int component) {
    return text(s, field, 1, component, 1);
  }

  static String text(Segment s, int field) {
    return text(s, field, 1, 1, 1);
  }

  /** As {@link #text}, with {@code \.br\} and other formatting commands as line breaks. */
  static String plainText(Segment s, int field, int rep, int component) {
    String value = s.plainText(field, rep, component, 1);
    return value.isBlank() ? null : value.strip();
  }

  /**
   * The state of a whole field: {@link ValueState#NULL} for {@code ""}, {@link ValueState#VALUED}
   * when any part of any repetition holds a value, else empty or absent.
   */
  static ValueState state(Segment s, int field) {
    if (field > s.fieldCount()) {
      return ValueState.ABSENT;
    }
    ValueState first = s.state(field, 1, 1, 1);
    if (first == ValueState.NULL && s.componentCount(field, 1) <= 1) {
      return s.repetitionCount(field) <= 1 ? ValueState.NULL : anyValued(s, field);
    }
    return anyValued(s, field);
  }

  private static ValueState anyValued(Segment s, int field) {
    for (int rep = 1; rep <= s.repetitionCount(field); rep++) {
      if (repetitionValued(s, field, rep)) {
        return ValueState.VALUED;
      }
    }
    return ValueState.EMPTY;
  }

  /** Whether any component or subcomponent of one repetition holds a value. */
  static boolean repetitionValued(Segment s, int field, int rep) {
    for (int c = 1; c <= s.componentCount(field, rep); c++) {
      for (int sub = 1; sub <= s.subcomponentCount(field, rep, c); sub++) {
        if (s.state(field, rep, c, sub).isValued() && !s.get(field, rep, c, sub).isBlank()) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isNull(Segment s, int field) {
    return state(s, field) == ValueState.NULL;
  }

  static boolean valued(Segment s, int field) {
    return state(s, field) == ValueState.VALUED;
  }

  /**
   * What a field makes of a stored value: nothing when it is sent as {@code ""}, what it gives when
   * that is not null, else the stored value (the field is empty or absent, or gives nothing
   * usable).
   */
  static <T> T replaceOrKeep(Segment s, int field, T given, T stored) {
    if (isNull(s, field)) {
      return null;
    }
    return given != null ? given : stored;
  }

  /** The subcomponents of one component joined by a space ({@code 1000&Hospital Lane}). */
  static String joinedSubcomponents(Segment s, int field, int rep, int component) {
    List<String> parts = new ArrayList<>();
    for (int sub = 1; sub <= s.subcomponentCount(field, rep, component); sub++) {
      String part = text(s, field, rep, component, sub);
      if (part != null) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  /** An HL7 date/time; null when not valued; HL7-105 naming {@code name} when malformed. */
  static Hl7Timestamp timestamp(Segment s, int field, int rep, int component, String name) {
    String value = text(s, field, rep, component, 1);
    if (value == null) {
      return null;
    }
    try {
      return Hl7Timestamps.parse(value);
    } catch (Hl7ParseException e) {
      throw Hl7HandlerError.BAD_DATE.failure(name + " is not an HL7 date/time");
    }
  }

  /** A calendar date (day precision at least); null when not valued. */
  static LocalDate date(Segment s, int field, int component, String name) {
    Hl7Timestamp t = timestamp(s, field, 1, component, name);
    if (t == null) {
      return null;
    }
    if (t.precision().compareTo(Hl7Timestamp.Precision.DAY) < 0) {
      throw Hl7HandlerError.BAD_DATE.failure(name + " is not a full date");
    }
    return t.toLocalDate();
  }

  /** A decimal number; null when not valued; HL7-106 naming {@code name} when malformed. */
  static BigDecimal number(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw Hl7HandlerError.BAD_NUMBER.failure(name + " is not a number");
    }
  }

  static Coded coded(Segment s, int field, int rep) {
    return new Coded(
        text(s, field, rep, 1, 1), text(s, field, rep, 2, 1), text(s, field, rep, 3, 1));
  }

  /** CX: id, assigning authority (HD namespace, else its universal id), type code. */
  static Cx cx(Segment s, int field, int rep) {
    String authority = text(s, field, rep, 4, 1);
    if (authority == null) {
      authority = text(s, field, rep, 4, 2);
    }
    return new Cx(text(s, field, rep, 1, 1), authority, text(s, field, rep, 5, 1));
  }

  /** XCN: id, family name (FN surname), given, middle, suffix, degree, identifier type. */
  static Xcn xcn(Segment s, int field, int rep) {
    String degree = text(s, field, rep, 7, 1);
    return new Xcn(
        text(s, field, rep, 1, 1),
        text(s, field, rep, 2, 1),
        text(s, field, rep, 3, 1),
        text(s, field, rep, 4, 1),
        degree,
        text(s, field, rep, 13, 1));
  }

  /** PL: point of care, room, bed, facility (HD namespace), description. */
  static Pl pl(Segment s, int field) {
    return new Pl(
        text(s, field, 1, 1, 1),
        text(s, field, 1, 2, 1),
        text(s, field, 1, 3, 1),
        text(s, field, 1, 4, 1),
        text(s, field, 1, 9, 1));
  }

  /** A coded element: CE/CWE components 1 to 3. */
  record Coded(String code, String text, String system) {
    boolean isEmpty() {
      return code == null && text == null;
    }

    @Override
    public String toString() {
      return "Coded[...]";
    }
  }

  /** An extended identifier (CX). */
  record Cx(String value, String authority, String type) {
    @Override
    public String toString() {
      return "Cx[type=" + type + "]"; // the value is PHI
    }
  }

  /** A person and their identifier (XCN). */
  record Xcn(String id, String family, String given, String middle, String degree, String idType) {
    boolean isEmpty() {
      return id == null && family == null;
    }

    @Override
    public String toString() {
      return "Xcn[...]";
    }
  }

  /** A person location (PL). */
  record Pl(String pointOfCare, String room, String bed, String facility, String description) {

    /** The location's key: facility, point of care, room and bed, the given ones joined by /. */
    String key() {
      List<String> parts = new ArrayList<>();
      for (String part : new String[] {facility, pointOfCare, room, bed}) {
        if (part != null) {
          parts.add(part);
        }
      }
      return parts.isEmpty() ? null : String.join("/", parts);
    }
  }
}
