package com.practicestudio.hl7v2;

import java.math.BigDecimal;

/**
 * Reads HL7 numbers (NM, and SI/set IDs): an optional leading {@code +} or {@code -}, digits, and
 * an optional decimal point with digits on at least one side. No exponents, no thousands
 * separators, no surrounding spaces: anything else is refused with {@code HL7-012}.
 */
public final class Hl7Numbers {

  private static final int MAX_LENGTH = 64;

  private Hl7Numbers() {}

  /**
   * Reads a decimal.
   *
   * @throws Hl7ParseException HL7-012 when the value is not an HL7 number
   */
  public static BigDecimal parseDecimal(String value) {
    return parseDecimal(value, -1);
  }

  /**
   * Reads a whole number; {@code 5.0} is accepted, {@code 5.5} is not.
   *
   * @throws Hl7ParseException HL7-012 when the value is not a whole HL7 number that fits a long
   */
  public static long parseLong(String value) {
    return parseLong(value, -1);
  }

  static BigDecimal parseDecimal(String value, int position) {
    int length = value.length();
    if (length == 0 || length > MAX_LENGTH) {
      throw invalid(position);
    }
    int i = value.charAt(0) == '+' || value.charAt(0) == '-' ? 1 : 0;
    int digits = 0;
    boolean dot = false;
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        throw invalid(position);
      }
    }
    if (digits == 0) {
      throw invalid(position);
    }
    String plain = value.charAt(0) == '+' ? value.substring(1) : value;
    if (plain.endsWith(".")) {
      plain = plain.substring(0, plain.length() - 1);
    }
    return new BigDecimal(plain);
  }

  static long parseLong(String value, int position) {
    BigDecimal decimal = parseDecimal(value, position);
    try {
      return decimal.stripTrailingZeros().longValueExact();
    } catch (ArithmeticException e) {
      throw invalid(position);
    }
  }

  private static Hl7ParseException invalid(int position) {
    return new Hl7ParseException(Hl7Error.INVALID_NUMBER, position);
  }
}
