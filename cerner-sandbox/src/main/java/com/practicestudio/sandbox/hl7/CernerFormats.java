package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Timestamps;
import com.practicestudio.sandbox.data.CodeValue;
import com.practicestudio.sandbox.data.Phone;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Values as a Millennium interface writes them. */
final class CernerFormats {

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private CernerFormats() {}

  /** {@code yyyyMMddHHmmss±ZZZZ} in the zone of the location the event belongs to. */
  static String time(Instant instant, ZoneId zone) {
    return Hl7Timestamps.format(instant.atZone(zone).toOffsetDateTime());
  }

  /** {@code yyyyMMdd}. */
  static String date(LocalDate date) {
    return date.format(DATE);
  }

  /** A code value with no outbound alias built: {@code CD:} and its number. */
  static String raw(CodeValue code) {
    return raw(code.value());
  }

  static String raw(long codeValue) {
    return "CD:" + codeValue;
  }

  /** {@code (816)555-0123} for a North American number, else the number as stored. */
  static String phone(Phone phone) {
    String digits = phone.nationalDigits();
    if (digits.length() != 10) {
      return phone.number();
    }
    return "(" + digits.substring(0, 3) + ")" + digits.substring(3, 6) + "-" + digits.substring(6);
  }

  /** Two decimals, no exponent. */
  static String money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
