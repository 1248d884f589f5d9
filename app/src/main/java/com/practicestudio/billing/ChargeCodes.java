package com.practicestudio.billing;

import com.practicestudio.web.FieldChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Shapes of procedure codes, modifiers and ICD-10-CM diagnosis codes. */
final class ChargeCodes {

  static final String CPT = "CPT";
  static final String HCPCS = "HCPCS";

  /** CPT: five digits, or four and F (category II), T (category III) or U (PLA). */
  private static final Pattern CPT_CODE = Pattern.compile("\\d{4}[0-9FTU]");

  /** HCPCS level II: a letter A–V and four digits. */
  private static final Pattern HCPCS_CODE = Pattern.compile("[A-V]\\d{4}");

  private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");

  /** ICD-10-CM: letter (not U), digit, alphanumeric, then up to four more after the dot. */
  private static final Pattern ICD10 = Pattern.compile("[A-TV-Z]\\d[0-9A-Z](\\.?[0-9A-Z]{1,4})?");

  static final int MAX_MODIFIERS = 4;
  static final int MAX_DIAGNOSES = 12;

  private ChargeCodes() {}

  /** The code's system: as given (checked) or inferred; null after a problem. */
  static String codeSystem(FieldChecks checks, String code, String given) {
    if (code == null) {
      return null;
    }
    String inferred =
        CPT_CODE.matcher(code).matches() ? CPT : HCPCS_CODE.matcher(code).matches() ? HCPCS : null;
    String system = given == null ? inferred : given.strip().toUpperCase(Locale.ROOT);
    if (given != null && !List.of(CPT, HCPCS).contains(system)) {
      checks.problem("codeSystem", "must be CPT or HCPCS");
      return null;
    }
    if (inferred == null || !inferred.equals(system)) {
      checks.problem("code", "is not a " + (system == null ? "CPT or HCPCS" : system) + " code");
      return null;
    }
    return system;
  }

  static List<String> modifiers(FieldChecks checks, List<String> given) {
    return list(checks, "modifiers", given, MAX_MODIFIERS, MODIFIER, "two letters or digits");
  }

  /** Diagnosis codes, upper case and dotted after the category ({@code E119} → {@code E11.9}). */
  static List<String> diagnoses(FieldChecks checks, List<String> given) {
    return list(checks, "diagnosisCodes", given, MAX_DIAGNOSES, ICD10, "an ICD-10-CM code").stream()
        .map(
            c ->
                c.length() > 3 && c.charAt(3) != '.' ? c.substring(0, 3) + "." + c.substring(3) : c)
        .toList();
  }

  private static List<String> list(
      FieldChecks checks,
      String field,
      List<String> given,
      int max,
      Pattern shape,
      String expected) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > max) {
      checks.problem(field, "must have at most " + max + " entries");
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String value = given.get(i) == null ? "" : given.get(i).strip().toUpperCase(Locale.ROOT);
      if (!shape.matcher(value).matches()) {
        checks.problem(field + "[" + i + "]", "must be " + expected);
      } else {
        values.add(value);
      }
    }
    return values;
  }
}
