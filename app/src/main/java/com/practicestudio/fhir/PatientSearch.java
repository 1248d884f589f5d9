package com.practicestudio.fhir;

import com.practicestudio.web.FieldChecks;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Cerner Patient search by Cerner's rules: at least one of {@code family}, {@code given}, {@code
 * birthdate}, {@code identifier} (as {@code system|value}), each at most once; names match as
 * prefixes.
 */
public record PatientSearch(String family, String given, String birthdate, String identifier) {

  /** Checks the rules; a 400 naming the fields when broken. Answers the FHIR query parameters. */
  public Map<String, String> parameters() {
    FieldChecks checks = new FieldChecks();
    String f = checks.text("family", family, 100);
    String g = checks.text("given", given, 100);
    String b = checks.text("birthdate", birthdate, 10);
    String i = checks.text("identifier", identifier, 300);
    if (b != null) {
      try {
        LocalDate.parse(b);
      } catch (DateTimeParseException e) {
        checks.problem("birthdate", "must be a date (YYYY-MM-DD)");
      }
    }
    checks.check(
        f != null || g != null || b != null || i != null,
        "family",
        "give at least one of family, given, birthdate or identifier");
    checks.throwIfAny();
    Map<String, String> parameters = new LinkedHashMap<>();
    put(parameters, "family", f);
    put(parameters, "given", g);
    put(parameters, "birthdate", b);
    put(parameters, "identifier", i);
    return parameters;
  }

  private static void put(Map<String, String> parameters, String name, String value) {
    if (value != null) {
      parameters.put(name, value);
    }
  }

  @Override
  public String toString() {
    return "PatientSearch[...]"; // search values are PHI
  }
}
