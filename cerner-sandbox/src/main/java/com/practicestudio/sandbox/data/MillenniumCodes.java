package com.practicestudio.sandbox.data;

import java.util.List;

/**
 * The Millennium code values the sandbox domain is built with (code set, code value, display,
 * meaning), each aliased to its standard code where one exists. The numbers are this domain's; a
 * real domain has its own.
 */
public final class MillenniumCodes {

  private MillenniumCodes() {}

  public static final int ALIAS_TYPE = 4;
  public static final int ETHNIC_GROUP = 27;
  public static final int LANGUAGE = 36;
  public static final int MARITAL_STATUS = 38;
  public static final int SEX = 57;
  public static final int ENCOUNTER_TYPE = 71;
  public static final int RACE = 282;
  public static final int ENCOUNTER_ALIAS_TYPE = 319;
  public static final int APPOINTMENT_TYPE = 14249;

  public static final CodeValue MRN = new CodeValue(ALIAS_TYPE, 10, "MRN", "MRN");
  public static final CodeValue SSN = new CodeValue(ALIAS_TYPE, 18, "SSN", "SSN");
  public static final CodeValue FIN_NBR =
      new CodeValue(ENCOUNTER_ALIAS_TYPE, 1077, "FIN NBR", "FIN NBR");

  public static CodeValue sex(Sex sex) {
    return switch (sex) {
      case MALE -> new CodeValue(SEX, 362, "Male", "MALE");
      case FEMALE -> new CodeValue(SEX, 363, "Female", "FEMALE");
      case UNKNOWN -> new CodeValue(SEX, 364, "Unknown", "UNKNOWN");
    };
  }

  public static final List<Coded> RACES =
      List.of(
          race(3113830, "White", "2106-3"),
          race(3113831, "Black or African American", "2054-5"),
          race(3113832, "Asian", "2028-9"),
          race(3113833, "American Indian or Alaska Native", "1002-5"),
          race(3113834, "Native Hawaiian or Other Pacific Islander", "2076-8"));

  public static final Coded HISPANIC =
      new Coded(
          new CodeValue(ETHNIC_GROUP, 3120221, "Hispanic or Latino", "HISPANIC"),
          new Concept(Concept.CDC_RACE, "2135-2", "Hispanic or Latino"));
  public static final Coded NOT_HISPANIC =
      new Coded(
          new CodeValue(ETHNIC_GROUP, 3120222, "Not Hispanic or Latino", "NOTHISPANIC"),
          new Concept(Concept.CDC_RACE, "2186-5", "Not Hispanic or Latino"));

  public static final Coded ENGLISH = language(151, "English", "en");
  public static final Coded SPANISH = language(156, "Spanish", "es");
  public static final Coded KOREAN = language(4253, "Korean", "ko");
  public static final Coded CHINESE = language(4251, "Chinese", "zh");
  public static final Coded ARABIC = language(4249, "Arabic", "ar");

  public static final List<Coded> MARITAL =
      List.of(
          // 309236/309237/309239 as Cerner's R4 documentation shows them; Widowed is a sandbox
          // value
          marital(309237, "Married", "M"),
          marital(309239, "Single", "S"),
          marital(309236, "Divorced", "D"),
          marital(309244, "Widowed", "W"));

  public static final Coded OUTPATIENT =
      new Coded(new CodeValue(ENCOUNTER_TYPE, 309309, "Outpatient", "OUTPATIENT"), null);
  public static final Coded EMERGENCY =
      new Coded(new CodeValue(ENCOUNTER_TYPE, 309310, "Emergency", "EMERGENCY"), null);

  /** Appointment types (code set 14249) with their length in minutes. */
  public record AppointmentType(Coded coded, int minutes) {}

  public static final List<AppointmentType> APPOINTMENT_TYPES =
      List.of(
          appointmentType(4047611, "Office Visit", 20),
          appointmentType(4047612, "New Patient Visit", 40),
          appointmentType(4047613, "Follow Up Visit", 20),
          appointmentType(4047614, "Annual Physical", 40),
          appointmentType(4047615, "Telehealth Visit", 20));

  private static Coded race(long value, String display, String cdc) {
    return new Coded(
        new CodeValue(RACE, value, display, display.toUpperCase(java.util.Locale.ROOT)),
        new Concept(Concept.CDC_RACE, cdc, display));
  }

  private static Coded language(long value, String display, String bcp47) {
    return new Coded(
        new CodeValue(LANGUAGE, value, display, bcp47.toUpperCase(java.util.Locale.ROOT)),
        new Concept(Concept.BCP47, bcp47, display));
  }

  private static Coded marital(long value, String display, String v3) {
    return new Coded(
        new CodeValue(MARITAL_STATUS, value, display, display.toUpperCase(java.util.Locale.ROOT)),
        new Concept("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", v3, display));
  }

  private static AppointmentType appointmentType(long value, String display, int minutes) {
    return new AppointmentType(
        new Coded(new CodeValue(APPOINTMENT_TYPE, value, display, null), null), minutes);
  }
}
