package com.practicestudio.billing;

import com.practicestudio.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the few 835 segments a remittance needs (BPR, TRN, N1*PR, CLP, CAS) from a corpus file into
 * the JSON body of {@code POST /api/v1/remittances}. Service-line CAS are summed up under their
 * claim, as the 835 importer will do. A test aid, not an X12 parser.
 */
final class Sample835 {

  private Sample835() {}

  static Map<String, Object> remittance(String corpusFile) {
    String text = new String(Corpus.bytes(corpusFile), StandardCharsets.US_ASCII);
    String elementSeparator = "\\" + text.charAt(3);
    Map<String, Object> body = new LinkedHashMap<>();
    List<Map<String, Object>> claims = new ArrayList<>();
    List<Map<String, Object>> adjustments = null;
    for (String raw : text.split("~")) {
      String[] e = raw.strip().split(elementSeparator, -1);
      switch (e[0]) {
        case "BPR" -> {
          body.put("totalPaid", Double.valueOf(e[2]));
          body.put(
              "paymentMethod", e[4].equals("ACH") ? "eft" : e[4].equals("CHK") ? "check" : "none");
          String date = e[16];
          body.put(
              "paymentDate",
              date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6));
        }
        case "TRN" -> body.put("checkNumber", e[2]);
        case "N1" -> {
          if (e[1].equals("PR")) {
            body.put("payerName", e[2]);
            body.put("payerId", e.length > 4 ? e[4] : e[2]);
          }
        }
        case "CLP" -> {
          adjustments = new ArrayList<>();
          Map<String, Object> claim = new LinkedHashMap<>();
          claim.put("claimNumber", e[1]);
          claim.put("claimStatusCode", e[2]);
          claim.put("billed", Double.valueOf(e[3]));
          claim.put("paid", Double.valueOf(e[4]));
          claim.put("patientResponsibility", e[5].isEmpty() ? 0 : Double.valueOf(e[5]));
          claim.put("payerClaimId", e[7]);
          claim.put("adjustments", adjustments);
          claims.add(claim);
        }
        case "CAS" -> {
          for (int i = 2; i + 1 < e.length; i += 3) {
            if (!e[i].isEmpty()) {
              adjustments.add(
                  Map.of(
                      "groupCode", e[1], "reasonCode", e[i], "amount", Double.valueOf(e[i + 1])));
            }
          }
        }
        default -> {}
      }
    }
    body.put("claims", claims);
    return body;
  }
}
