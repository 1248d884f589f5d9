package com.practicestudio.patients;

/**
 * One identifier a patient carries.
 *
 * @param type HL7 v2 table 0203 identifier type: {@code MR} (medical record number), {@code PI},
 *     {@code SS}, {@code AN}, … or another system's own type name
 * @param assigningAuthority who issued it (HL7 CX-4), null when not known
 * @param system FHIR identifier system URI, when known
 */
public record PatientIdentifier(
    String type, String value, String assigningAuthority, String system) {

  public static final String MRN = "MR";

  /** Whether this is the same identifier (type, authority and value), whatever its system. */
  public boolean sameKey(PatientIdentifier other) {
    return type.equals(other.type())
        && value.equals(other.value())
        && java.util.Objects.equals(assigningAuthority, other.assigningAuthority());
  }

  @Override
  public String toString() {
    return "PatientIdentifier[type=" + type + "]"; // the value is PHI
  }
}
