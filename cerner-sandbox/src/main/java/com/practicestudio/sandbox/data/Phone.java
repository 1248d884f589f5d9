package com.practicestudio.sandbox.data;

/** A phone number in E.164 form, e.g. {@code +18165550123}. */
public record Phone(Use use, String number) {

  /** Millennium phone types as they surface on FHIR telecom. */
  public enum Use {
    HOME,
    MOBILE,
    WORK
  }

  /** The ten national digits (what Cerner's {@code phone} search matches). */
  public String nationalDigits() {
    String digits = number.replaceAll("\\D", "");
    return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
  }
}
