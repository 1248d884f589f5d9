package com.practicestudio.bench.mllp;

import java.nio.charset.StandardCharsets;

/**
 * The benchmark's message: an ADT^A04 v2.5.1 of exactly 1,024 bytes (MSH, EVN, PID, PD1, NK1, PV1,
 * PV2, AL1, IN1, padded with an NTE), made-up data. MSH-10, the MRN in PID-3 and the FIN in PID-18
 * and PV1-19 are fixed-width slots the load generator fills per message (cycling over {@link
 * #PATIENTS} patients, one encounter each).
 */
final class AdtMessage {

  static final int SIZE = 1024;
  static final int ID_LENGTH = 18;

  private AdtMessage() {}

  /** The message bytes; {@link #idOffset} is where MSH-10 starts. */
  static byte[] template() {
    String id = "X".repeat(ID_LENGTH);
    String text =
        "MSH|^~\\&|CERNER|HOSP|PS|CLINIC|20261125103000-0500||ADT^A04^ADT_A01|"
            + id
            + "|P|2.5.1\r"
            + "EVN|A04|20261125103000-0500\r"
            + "PID|1||4711815^^^HOSP^MR~987654321^^^SSA^SS||TESTPATIENT^ALEXANDRA^M^^MS||19800101|F|||"
            + "1234 ELM STREET^APT 5^SPRINGFIELD^IL^62704^USA^H||(217)555-0101^PRN^PH~(217)555-0199^PRN^CP|"
            + "|ENG|M|CHR|9000111^^^HOSP^AN||||||||||||N\r"
            + "PD1|||SPRINGFIELD CLINIC^^4321|1234567893^WELBY^MARCUS^^^DR^MD^^^^^^NPI\r"
            + "NK1|1|TESTPATIENT^ROBERT|SPO^Spouse^HL70063|1234 ELM STREET^^SPRINGFIELD^IL^62704|(217)555-0102\r"
            + "PV1|1|O|CLINIC^101^A^HOSP||||1234567893^WELBY^MARCUS^^^DR^MD|||MED||||1|||"
            + "1234567893^WELBY^MARCUS^^^DR^MD|OP|9000111^^^HOSP^VN|||||||||||||||||||||||||20261125103000-0500\r"
            + "PV2|||^ANNUAL CHECK-UP\r"
            + "AL1|1|DA|70618^Penicillin^RXNORM|MO|Hives\r"
            + "IN1|1|BCBS01^Blue Cross PPO|60054|BLUE CROSS BLUE SHIELD|PO BOX 1000^^CHICAGO^IL^60601|||"
            + "GRP12345|||||||TESTPATIENT^ALEXANDRA|SEL|19800101|||||||||||||||||||XYZ123456789\r";
    int padding = SIZE - text.length() - "NTE|1||\r".length();
    if (padding < 0) {
      throw new IllegalStateException("template longer than " + SIZE + " bytes");
    }
    text += "NTE|1||" + "x".repeat(padding) + "\r";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Patients the messages are spread over (PID-3 MRN), so rows of many keys apply in parallel. */
  static final int PATIENTS = 10_000;

  static final String MRN = "4711815";

  /** Where PID-3.1 (a 7-digit MRN) starts. */
  static int mrnOffset(byte[] template) {
    return new String(template, StandardCharsets.US_ASCII).indexOf("PID|1||" + MRN) + 7;
  }

  static final String FIN = "9000111";

  /** Where the FIN starts: PID-18 and PV1-19 (one encounter per patient). */
  static int[] finOffsets(byte[] template) {
    String text = new String(template, StandardCharsets.US_ASCII);
    int first = text.indexOf(FIN + "^^^HOSP^AN");
    return new int[] {first, text.indexOf(FIN + "^^^HOSP^VN")};
  }

  /** The patient of the {@code seq}-th message of connection {@code connection}. */
  static int patient(int connection, long seq) {
    return (int) Math.floorMod(seq * 7919 + connection * 104_729L, PATIENTS);
  }

  /** The patient's 7-digit MRN. */
  static byte[] mrn(int patient) {
    return Long.toString(4_000_000 + patient).getBytes(StandardCharsets.US_ASCII);
  }

  /** The 7-digit FIN of the patient's encounter. */
  static byte[] fin(int patient) {
    return Long.toString(9_000_000 + patient).getBytes(StandardCharsets.US_ASCII);
  }

  static int idOffset(byte[] template) {
    String text = new String(template, StandardCharsets.US_ASCII);
    return text.indexOf("X".repeat(ID_LENGTH));
  }
}
