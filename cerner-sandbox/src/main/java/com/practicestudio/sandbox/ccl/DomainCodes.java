package com.practicestudio.sandbox.ccl;

import com.practicestudio.sandbox.data.CodeValue;
import com.practicestudio.sandbox.data.Phone;
import java.util.List;
import java.util.Locale;

/**
 * Code values the CCL tables need beyond those the seeded records carry: address and phone types,
 * alias pools, encounter classes and statuses, scheduling states. The code set numbers are
 * Millennium's; the code values are this domain's (a real domain has its own).
 */
final class DomainCodes {

  private DomainCodes() {}

  static final int ADDRESS_TYPE = 212;
  static final int PHONE_TYPE = 43;
  static final int ALIAS_POOL = 263;
  static final int ENCOUNTER_CLASS = 69;
  static final int ENCOUNTER_STATUS = 261;
  static final int LOCATION = 220;
  static final int SCHEDULING_RESOURCE = 14231;
  static final int SCHEDULING_STATE = 14233;

  static final CodeValue HOME_ADDRESS = new CodeValue(ADDRESS_TYPE, 756, "Home", "HOME");
  static final CodeValue BUSINESS_ADDRESS =
      new CodeValue(ADDRESS_TYPE, 754, "Business", "BUSINESS");

  static final CodeValue HOME_PHONE = new CodeValue(PHONE_TYPE, 170, "Home", "HOME");
  static final CodeValue BUSINESS_PHONE = new CodeValue(PHONE_TYPE, 163, "Business", "BUSINESS");
  static final CodeValue MOBILE_PHONE = new CodeValue(PHONE_TYPE, 4149712, "Mobile", "MOBILE");

  static final CodeValue MRN_POOL = new CodeValue(ALIAS_POOL, 683991, "Sandbox MRN", "MRN");
  static final CodeValue SSN_POOL = new CodeValue(ALIAS_POOL, 683992, "SSN", "SSN");
  static final CodeValue FIN_POOL = new CodeValue(ALIAS_POOL, 683993, "Sandbox FIN", "FIN NBR");

  static final CodeValue OUTPATIENT_CLASS =
      new CodeValue(ENCOUNTER_CLASS, 391, "Outpatient", "OUTPATIENT");
  static final CodeValue INPATIENT_CLASS =
      new CodeValue(ENCOUNTER_CLASS, 392, "Inpatient", "INPATIENT");
  static final CodeValue EMERGENCY_CLASS =
      new CodeValue(ENCOUNTER_CLASS, 393, "Emergency", "EMERGENCY");

  static final List<CodeValue> ENCOUNTER_STATUSES =
      List.of(
          new CodeValue(ENCOUNTER_STATUS, 854, "Active", "ACTIVE"),
          new CodeValue(ENCOUNTER_STATUS, 855, "Preadmit", "PREADMIT"),
          new CodeValue(ENCOUNTER_STATUS, 856, "Discharged", "DISCHARGED"),
          new CodeValue(ENCOUNTER_STATUS, 857, "Cancelled", "CANCELLED"));

  static final List<CodeValue> SCHEDULING_STATES =
      List.of(
          new CodeValue(SCHEDULING_STATE, 4535, "Confirmed", "CONFIRMED"),
          new CodeValue(SCHEDULING_STATE, 4536, "Canceled", "CANCELED"),
          new CodeValue(SCHEDULING_STATE, 4537, "Checked In", "CHECKED IN"),
          new CodeValue(SCHEDULING_STATE, 4538, "Checked Out", "CHECKED OUT"),
          new CodeValue(SCHEDULING_STATE, 4539, "No Show", "NOSHOW"),
          new CodeValue(SCHEDULING_STATE, 4540, "Pending", "PENDING"));

  static final List<CodeValue> ALL =
      List.of(
          HOME_ADDRESS,
          BUSINESS_ADDRESS,
          HOME_PHONE,
          BUSINESS_PHONE,
          MOBILE_PHONE,
          MRN_POOL,
          SSN_POOL,
          FIN_POOL,
          OUTPATIENT_CLASS,
          INPATIENT_CLASS,
          EMERGENCY_CLASS);

  static CodeValue addressType(String use) {
    return "work".equals(use) ? BUSINESS_ADDRESS : HOME_ADDRESS;
  }

  static CodeValue phoneType(Phone.Use use) {
    return switch (use) {
      case HOME -> HOME_PHONE;
      case WORK -> BUSINESS_PHONE;
      case MOBILE -> MOBILE_PHONE;
    };
  }

  /** The encounter type class for a v3 ActCode class (AMB, IMP, EMER). */
  static CodeValue encounterClass(String actCode) {
    return switch (actCode) {
      case "IMP" -> INPATIENT_CLASS;
      case "EMER" -> EMERGENCY_CLASS;
      default -> OUTPATIENT_CLASS;
    };
  }

  /** The encounter status for a FHIR encounter status. */
  static CodeValue encounterStatus(String fhirStatus) {
    String meaning =
        switch (fhirStatus) {
          case "finished" -> "DISCHARGED";
          case "planned" -> "PREADMIT";
          case "cancelled", "entered-in-error" -> "CANCELLED";
          default -> "ACTIVE";
        };
    return byMeaning(ENCOUNTER_STATUSES, meaning);
  }

  /** The scheduling state for a FHIR appointment status. */
  static CodeValue schedulingState(String fhirStatus) {
    String meaning =
        switch (fhirStatus) {
          case "cancelled" -> "CANCELED";
          case "arrived", "checked-in" -> "CHECKED IN";
          case "fulfilled" -> "CHECKED OUT";
          case "noshow" -> "NOSHOW";
          case "pending", "proposed", "waitlist" -> "PENDING";
          default -> "CONFIRMED";
        };
    return byMeaning(SCHEDULING_STATES, meaning);
  }

  private static CodeValue byMeaning(List<CodeValue> codes, String meaning) {
    return codes.stream().filter(c -> c.meaning().equals(meaning)).findFirst().orElseThrow();
  }

  /** Millennium's *_KEY form of a name: upper case, letters and digits only. */
  static String key(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }
}
