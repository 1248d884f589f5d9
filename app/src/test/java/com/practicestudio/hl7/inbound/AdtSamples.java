package com.practicestudio.hl7.inbound;

import java.util.UUID;

/** ADT messages for the handler tests, each with a fresh control id. */
final class AdtSamples {

  private AdtSamples() {}

  /** An A04 whose PV1 names a location (PV1-3) and an attending doctor (PV1-7). */
  static String a04(String mrn, String fin, String ward, String doctor) {
    return a04(mrn, fin)
        .replace(
            "PV1|1|O" + "|".repeat(17),
            "PV1|1|O|"
                + ward
                + "^101^^HOSP||||"
                + doctor
                + "^WELBY^MARCUS^^^DR^MD"
                + "|".repeat(12));
  }

  static String a04(String mrn, String fin) {
    return msh("ADT^A04")
        + "EVN|A04|20260302093000\n"
        + "PID|1||"
        + mrn
        + "^^^HOSP^MR||SMITH^JANE^Q||19800102|F|||12 Elm St^^Denver^CO^80202^USA^H||"
        + "(303)555-1000^PRN^PH|||S||"
        + fin
        + "^^^FIN^AN\n"
        + "PV1|1|O"
        + "|".repeat(17)
        + "V-"
        + fin
        + "|".repeat(25)
        + "20260302093000\n"
        + "IN1|1|ACME-PPO^Acme PPO|77|ACME HEALTH"
        + "|".repeat(4)
        + "GRP-7"
        + "|".repeat(9)
        + "SEL"
        + "|".repeat(19)
        + "MEM-1\n";
  }

  static String msh(String type) {
    return "MSH|^~\\&|ADT|HOSP|PS|PS|20260302093000-0700||"
        + type
        + "|"
        + UUID.randomUUID()
        + "|P|2.5.1\n";
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
