package com.practicestudio.hl7;

import java.util.UUID;

/** Minimal HL7 messages for tests, each with a fresh control id and MRN. */
final class Hl7Samples {

  private Hl7Samples() {}

  static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
  }

  /** An ADT^A04 v2.5.1 from {@code app}/{@code facility}: MRN in PID-3 with type MR. */
  static String adt(String trigger, String controlId, String mrn) {
    return adt("CERNER", "HOSP", trigger, controlId, mrn);
  }

  static String adt(String app, String facility, String trigger, String controlId, String mrn) {
    return "MSH|^~\\&|"
        + app
        + "|"
        + facility
        + "|PS|CLINIC|20261125103000-0500||ADT^"
        + trigger
        + "^ADT_A01|"
        + controlId
        + "|P|2.5.1\r"
        + "EVN|"
        + trigger
        + "|20261125103000-0500\r"
        + "PID|1||"
        + mrn
        + "^^^HOSP^MR~99"
        + mrn
        + "^^^SSA^SS||DOE^JANE^Q||19800101|F\r"
        + "PV1|1|O|CLINIC^101^A\r";
  }

  static String withHeaderFields(String message, String msh15, String msh16) {
    int end = message.indexOf('\r');
    String msh = message.substring(0, end);
    return msh + "|||" + msh15 + "|" + msh16 + message.substring(end);
  }
}
