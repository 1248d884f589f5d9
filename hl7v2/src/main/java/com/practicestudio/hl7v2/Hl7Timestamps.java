package com.practicestudio.hl7v2;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads and writes HL7 date/time values {@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}
 * (DTM, and the first component of TS). Any precision is accepted; anything else is refused with
 * {@code HL7-011} rather than guessed at.
 */
public final class Hl7Timestamps {

  private static final int[] LENGTHS = {4, 6, 8, 10, 12, 14};

  private Hl7Timestamps() {}

  /**
   * Reads one value.
   *
   * @throws Hl7ParseException HL7-011 when the value is not an HL7 date/time
   */
  public static Hl7Timestamp parse(String value) {
    return parse(value, -1);
  }

  /** As {@link #parse(String)}, then {@link Hl7Timestamp#toOffsetDateTime(ZoneId)}. */
  public static OffsetDateTime toOffsetDateTime(String value, ZoneId assumedZone) {
    return parse(value).toOffsetDateTime(assumedZone);
  }

  /**
   * As {@link #parse(String)}, then the date part (a value with only a year or month is refused).
   */
  public static LocalDate toLocalDate(String value) {
    Hl7Timestamp timestamp = parse(value);
    if (timestamp.precision().compareTo(Hl7Timestamp.Precision.DAY) < 0) {
      throw new Hl7ParseException(Hl7Error.INVALID_TIMESTAMP, -1, "no day given");
    }
    return timestamp.toLocalDate();
  }

  /** {@code yyyyMMddHHmmss+ZZZZ}, the form we send in MSH-7. */
  public static String format(OffsetDateTime time) {
    OffsetDateTime seconds = time.truncatedTo(ChronoUnit.SECONDS);
    StringBuilder text = new StringBuilder(19);
    pad(text, seconds.getYear(), 4);
    pad(text, seconds.getMonthValue(), 2);
    pad(text, seconds.getDayOfMonth(), 2);
    pad(text, seconds.getHour(), 2);
    pad(text, seconds.getMinute(), 2);
    pad(text, seconds.getSecond(), 2);
    int offsetMinutes = seconds.getOffset().getTotalSeconds() / 60;
    text.append(offsetMinutes < 0 ? '-' : '+');
    pad(text, Math.abs(offsetMinutes) / 60, 2);
    pad(text, Math.abs(offsetMinutes) % 60, 2);
    return text.toString();
  }

  static Hl7Timestamp parse(String value, int position) {
    int length = value.length();
    int zone = indexOfSign(value);
    int localEnd = zone < 0 ? length : zone;
    int dot = value.indexOf('.');
    int digitsEnd = dot >= 0 && dot < localEnd ? dot : localEnd;
    int precisionIndex = indexOf(LENGTHS, digitsEnd);
    if (precisionIndex < 0 || !digits(value, 0, digitsEnd)) {
      throw invalid(position);
    }
    int nanos = 0;
    Hl7Timestamp.Precision precision = Hl7Timestamp.Precision.values()[precisionIndex];
    if (dot >= 0 && dot < localEnd) {
      int fractionDigits = localEnd - dot - 1;
      if (digitsEnd != 14 || fractionDigits < 1 || fractionDigits > 4) {
        throw invalid(position);
      }
      if (!digits(value, dot + 1, localEnd)) {
        throw invalid(position);
      }
      nanos =
          Integer.parseInt(value.substring(dot + 1, localEnd) + "0000".substring(fractionDigits))
              * 100_000;
      precision = Hl7Timestamp.Precision.FRACTION;
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              number(value, 0, 4),
              digitsEnd >= 6 ? number(value, 4, 6) : 1,
              digitsEnd >= 8 ? number(value, 6, 8) : 1,
              digitsEnd >= 10 ? number(value, 8, 10) : 0,
              digitsEnd >= 12 ? number(value, 10, 12) : 0,
              digitsEnd >= 14 ? number(value, 12, 14) : 0,
              nanos);
      Optional<ZoneOffset> offset =
          zone < 0 ? Optional.empty() : Optional.of(offset(value, zone, position));
      return new Hl7Timestamp(local, precision, offset);
    } catch (DateTimeException e) {
      throw invalid(position);
    }
  }

  private static ZoneOffset offset(String value, int zone, int position) {
    int length = value.length() - zone - 1;
    if (length != 4 && length != 2 || !digits(value, zone + 1, value.length())) {
      throw invalid(position);
    }
    int hours = number(value, zone + 1, zone + 3);
    int minutes = length == 4 ? number(value, zone + 3, zone + 5) : 0;
    int sign = value.charAt(zone) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static int indexOfSign(String value) {
    int plus = value.indexOf('+');
    return plus >= 0 ? plus : value.indexOf('-');
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static boolean digits(String value, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String value, int start, int end) {
    int result = 0;
    for (int i = start; i < end; i++) {
      result = result * 10 + value.charAt(i) - '0';
    }
    return result;
  }

  private static void pad(StringBuilder text, int value, int width) {
    String digits = Integer.toString(value);
    text.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
  }

  private static Hl7ParseException invalid(int position) {
    return new Hl7ParseException(Hl7Error.INVALID_TIMESTAMP, position);
  }
}
