package com.practicestudio.contact;

import com.practicestudio.web.FieldProblem;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A postal address, the same shape for patients and locations. Blank parts are read as absent.
 *
 * @param country ISO 3166 code or name as given; null is read as the United States
 */
public record Address(
    String line1, String line2, String city, String state, String postalCode, String country) {

  private static final Pattern US_ZIP = Pattern.compile("\\d{5}(-?\\d{4})?");
  private static final Set<String> US =
      Set.of("US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA");

  /** The address with blank parts as null and surrounding spaces removed; null when all blank. */
  public Address trimmed() {
    Address a =
        new Address(
            clean(line1),
            clean(line2),
            clean(city),
            clean(state),
            clean(postalCode),
            clean(country));
    return a.isEmpty() ? null : a;
  }

  public boolean isEmpty() {
    return line1 == null
        && line2 == null
        && city == null
        && state == null
        && postalCode == null
        && country == null;
  }

  /** Whether this address is in the United States (a missing country counts as such). */
  public boolean inUnitedStates() {
    return country == null || US.contains(country.strip().toUpperCase(Locale.ROOT));
  }

  /** What is wrong with it, fields named under {@code prefix} (e.g. {@code address}). */
  public void check(String prefix, List<FieldProblem> problems) {
    if (postalCode != null && inUnitedStates() && !US_ZIP.matcher(postalCode.strip()).matches()) {
      problems.add(
          new FieldProblem(prefix + ".postalCode", "must be a US ZIP code (12345 or 12345-6789)"));
    }
  }

  private static String clean(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public String toString() {
    return "Address[...]"; // PHI
  }
}
