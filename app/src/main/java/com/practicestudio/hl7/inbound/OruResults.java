package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The results of one patient's part of an ORU: every OBX with the order (OBR, and the ORC before
 * it) it belongs to and its notes — the NTEs right after it, after the order's own NTEs. Text lines
 * (OBX-2 TX or FT) that follow one another with the same OBX-3 and OBX-14 are one result, the lines
 * of a report.
 */
final class OruResults {

  private static final Set<String> TEXT_TYPES = Set.of("TX", "FT");

  /** One result: its OBX (the first line of a text report) and what it belongs to. */
  static final class Result {
    final Segment obx;
    final List<Segment> lines = new ArrayList<>();
    final Segment obr;
    final String orderId;
    final String accession;
    final List<String> notes;

    Result(Segment obx, Segment obr, String orderId, String accession, List<String> orderNotes) {
      this.obx = obx;
      this.obr = obr;
      this.orderId = orderId;
      this.accession = accession;
      this.notes = new ArrayList<>(orderNotes);
      lines.add(obx);
    }

    String valueType() {
      String type = Fields.text(obx, 2);
      return type == null ? "" : type.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return "Result[" + obx + "]";
    }
  }

  private OruResults() {}

  static List<Result> read(List<Segment> segments) {
    List<Result> results = new ArrayList<>();
    Segment orc = null;
    Segment obr = null;
    String orderId = null;
    String accession = null;
    List<String> orderNotes = new ArrayList<>();
    Result last = null;
    for (Segment s : segments) {
      switch (s.name()) {
        case "ORC" -> {
          orc = s;
          last = null;
        }
        case "OBR" -> {
          obr = s;
          orderId = first(Fields.text(s, 2, 1), orc == null ? null : Fields.text(orc, 2, 1));
          accession = first(Fields.text(s, 3, 1), orc == null ? null : Fields.text(orc, 3, 1));
          orderNotes = new ArrayList<>();
          last = null;
        }
        case "OBX" -> {
          if (last != null && continues(last, s)) {
            last.lines.add(s);
          } else {
            last = new Result(s, obr, orderId, accession, orderNotes);
            results.add(last);
          }
        }
        case "NTE" -> {
          String note = Fields.plainText(s, 3, 1, 1);
          if (note != null) {
            if (last != null) {
              last.notes.add(note);
            } else if (obr != null) {
              orderNotes.add(note);
            }
          }
        }
        default -> last = null;
      }
    }
    return results;
  }

  private static boolean continues(Result last, Segment obx) {
    return TEXT_TYPES.contains(last.valueType())
        && TEXT_TYPES.contains(upper(Fields.text(obx, 2)))
        && Objects.equals(last.obx.raw(3), obx.raw(3))
        && Objects.equals(last.obx.raw(14), obx.raw(14));
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
