package com.practicestudio.directory;

/**
 * National Provider Identifier checks: ten digits whose last is a Luhn check digit computed over
 * the first nine prefixed with the card issuer prefix {@code 80840} (CMS NPI check digit rule).
 */
public final class Npi {

  private static final String PREFIX = "80840";

  private Npi() {}

  public static boolean isValid(String npi) {
    if (npi == null || npi.length() != 10 || !npi.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return luhnSum(PREFIX + npi) % 10 == 0;
  }

  /** The check digit for the first nine digits of an NPI. */
  public static int checkDigit(String firstNine) {
    if (firstNine == null || !firstNine.matches("\\d{9}")) {
      throw new IllegalArgumentException("nine digits expected");
    }
    int sum = luhnSum(PREFIX + firstNine + "0");
    return (10 - sum % 10) % 10;
  }

  /** Luhn sum over all digits, doubling every second digit from the right (the last is not). */
  private static int luhnSum(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum;
  }
}
