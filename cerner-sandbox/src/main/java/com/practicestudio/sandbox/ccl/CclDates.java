package com.practicestudio.sandbox.ccl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CCL date-time text: what CNVTDATETIME reads ({@code 31-DEC-2100}, {@code 31-DEC-2100
 * 00:00:00.00}, {@code 01-JAN-2026 0930}) and the FORMAT date masks ({@code MM/DD/YYYY;;D}, {@code
 * YYYY-MM-DD HH:MM:SS;;D}, {@code DD-MMM-YYYY}). The sandbox's Millennium clock is UTC.
 */
final class CclDates {

  private CclDates() {}

  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{1,2})-([A-Za-z]{3})-(\\d{4})"
              + "(?:\\s+(?:(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?|(\\d{1,4})))?");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

  /** Reads CNVTDATETIME text; null when it is not in a form CCL writes. */
  static Instant parse(String text) {
    Matcher m = DATE_TIME.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    int month = MONTHS.indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
    if (month == 0) {
      return null;
    }
    try {
      LocalDate date =
          LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
      LocalTime time = LocalTime.MIDNIGHT;
      if (m.group(4) != null) {
        int hundredths = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        time =
            LocalTime.of(
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                hundredths * 10_000_000);
      } else if (m.group(8) != null) {
        time = hhmm(Integer.parseInt(m.group(8)));
      }
      return LocalDateTime.of(date, time).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** A time given as the number HHMM (0 to 2359); null when it is not one. */
  static LocalTime hhmm(double number) {
    int value = (int) number;
    if (value != number || value < 0 || value / 100 > 23 || value % 100 > 59) {
      return null;
    }
    return LocalTime.of(value / 100, value % 100);
  }

  /** The date of a date-time combined with a time of day. */
  static Instant at(Instant date, LocalTime time) {
    return LocalDateTime.of(date.atZone(ZoneOffset.UTC).toLocalDate(), time)
        .toInstant(ZoneOffset.UTC);
  }

  /**
   * Formats with a CCL date mask: YYYY, YY, MMM (JAN), MM (month, or minutes after HH), DD, HH, SS;
   * other characters are copied; a {@code ;;D} (or any {@code ;;x}) suffix is dropped.
   *
   * @return null when the mask holds none of the date tokens (not a date mask)
   */
  static String format(Instant value, String mask) {
    String pattern = mask.contains(";") ? mask.substring(0, mask.indexOf(';')) : mask;
    LocalDateTime at = LocalDateTime.ofInstant(value, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder();
    boolean timeSeen = false;
    boolean any = false;
    int i = 0;
    while (i < pattern.length()) {
      String rest = pattern.substring(i).toUpperCase(Locale.ROOT);
      String token = token(rest);
      if (token == null) {
        out.append(pattern.charAt(i++));
        continue;
      }
      any = true;
      timeSeen |= token.equals("HH");
      out.append(render(token, at, timeSeen));
      i += token.length();
    }
    return any ? out.toString() : null;
  }

  private static String token(String rest) {
    for (String token : List.of("YYYY", "MMM", "YY", "MM", "DD", "HH", "SS")) {
      if (rest.startsWith(token)) {
        return token;
      }
    }
    return null;
  }

  private static String render(String token, LocalDateTime at, boolean afterHours) {
    return switch (token) {
      case "YYYY" -> String.format("%04d", at.getYear());
      case "YY" -> String.format("%02d", at.getYear() % 100);
      case "MMM" -> at.getMonth().getDisplayName(TextStyle.SHORT, Locale.US).toUpperCase(Locale.US);
      case "MM" -> String.format("%02d", afterHours ? at.getMinute() : at.getMonthValue());
      case "DD" -> String.format("%02d", at.getDayOfMonth());
      case "HH" -> String.format("%02d", at.getHour());
      default -> String.format("%02d", at.getSecond());
    };
  }

  /** ISO-8601 in UTC, as the reply carries date-times. */
  static String iso(Instant value) {
    return DateTimeFormatter.ISO_INSTANT.format(value);
  }
}
