package com.practicestudio.contact;

/**
 * A phone number as Practice Studio keeps it: E.164 ({@code +15551234567}) when it parsed, or the
 * text exactly as given with {@code valid} false when it did not — never dropped.
 *
 * @param value E.164, or the original text when it could not be parsed
 * @param extension the extension parsed from the number or given beside it ({@code 12} for {@code
 *     x12}); null when none
 * @param valid whether {@code value} is E.164
 */
public record Phone(String value, String extension, boolean valid) {

  /** A number that parsed. */
  public static Phone e164(String value, String extension) {
    return new Phone(value, extension, true);
  }

  /** A number kept as given because it did not parse. */
  public static Phone unparseable(String asGiven) {
    return new Phone(asGiven, null, false);
  }

  /** The same number with another extension (the given one when this has none). */
  public Phone withExtensionIfAbsent(String ext) {
    if (extension != null || ext == null || ext.isBlank()) {
      return this;
    }
    return new Phone(value, ext.trim(), valid);
  }

  @Override
  public String toString() {
    // phone numbers are PHI: never let one reach a log through toString
    return "Phone[valid=" + valid + "]";
  }
}
