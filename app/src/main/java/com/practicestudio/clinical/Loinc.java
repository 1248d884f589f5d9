package com.practicestudio.clinical;

import java.math.BigInteger;
import java.util.Set;

/** LOINC codes: {@code 8867-4} is a number and its mod-10 check digit, as LOINC defines it. */
final class Loinc {

  /** The names code systems give LOINC: FHIR's URI and HL7 v2's coding system ids. */
  static final Set<String> SYSTEMS = Set.of("http://loinc.org", "LN", "LNC", "LOINC");

  static final String SYSTEM = "http://loinc.org";

  private Loinc() {}

  static boolean isLoincSystem(String system) {
    return system != null && SYSTEMS.contains(system);
  }

  static boolean isValid(String code) {
    if (code == null || !code.matches("\\d{1,7}-\\d")) {
      return false;
    }
    String number = code.substring(0, code.indexOf('-'));
    return checkDigit(number) == code.charAt(code.length() - 1) - '0';
  }

  /**
   * LOINC's mod 10: the digits in odd positions from the right form a number that is doubled; the
   * even-position digits go in front; the check digit brings the digit sum to a multiple of ten.
   */
  static int checkDigit(String number) {
    StringBuilder odd = new StringBuilder();
    StringBuilder even = new StringBuilder();
    for (int i = number.length() - 1, position = 1; i >= 0; i--, position++) {
      (position % 2 == 1 ? odd : even).append(number.charAt(i));
    }
    String doubled = new BigInteger(odd.toString()).multiply(BigInteger.TWO).toString();
    String combined = even + doubled;
    int sum = combined.chars().map(c -> c - '0').sum();
    return (10 - sum % 10) % 10;
  }
}
