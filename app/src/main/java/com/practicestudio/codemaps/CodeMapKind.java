package com.practicestudio.codemaps;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a code map translates. Each kind has its own Cerner code set(s) and Practice Studio values.
 */
public enum CodeMapKind {
  /** Cerner code set 57, HL7 table 0001, FHIR administrative-gender → M, F, O, U. */
  GENDER("gender", Set.of("M", "F", "O", "U")),
  /** Cerner code set 36, HL7 table 0296, BCP 47 → BCP 47 language tags. */
  LANGUAGE("language", null),
  /** Cerner code set 282, HL7 table 0005 → CDC Race &amp; Ethnicity codes. */
  RACE("race", null),
  /** Cerner code set 27, HL7 table 0189 → CDC Race &amp; Ethnicity codes. */
  ETHNICITY("ethnicity", null),
  /** Cerner code set 14249 (site-specific) → Practice Studio appointment types. */
  APPOINTMENT_TYPE("appointment-type", null),
  /** Cerner code set 14233, HL7 table 0278 → FHIR Appointment.status values. */
  APPOINTMENT_STATUS("appointment-status", null),
  /** Cerner location codes → Practice Studio location ids. */
  LOCATION("location", null),
  /** Cerner personnel ids / aliases → Practice Studio provider ids. */
  PROVIDER("provider", null),
  /** Cerner code set 38, HL7 table 0002 → HL7 v3 MaritalStatus codes. */
  MARITAL_STATUS("marital-status", null),
  /**
   * Identifier pools as the channels name them → the one name Practice Studio keeps, so that an MRN
   * is one patient however it came: HL7 table 0363 for a CX-4 namespace ({@code SANDBOX MRN}),
   * {@code urn:ietf:rfc:3986} for a FHIR {@code Identifier.system} (Cerner's alias-pool OID).
   * Unmapped, a pool keeps the name it came with.
   */
  ASSIGNING_AUTHORITY("assigning-authority", null);

  private final String wire;
  private final Set<String> values;

  CodeMapKind(String wire, Set<String> values) {
    this.wire = wire;
    this.values = values;
  }

  /** The name used in the API, CSV files and the database ({@code appointment-type}). */
  @JsonValue
  public String wire() {
    return wire;
  }

  /** The only Practice Studio values this kind allows, when it restricts them. */
  public Optional<Set<String>> allowedValues() {
    return Optional.ofNullable(values);
  }

  public static Optional<CodeMapKind> fromWire(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(k -> k.wire.equals(t)).findFirst();
  }

  static String names() {
    return String.join(", ", Arrays.stream(values()).map(CodeMapKind::wire).toList());
  }
}
