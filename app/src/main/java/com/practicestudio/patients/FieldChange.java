package com.practicestudio.patients;

/**
 * One field an upsert changed (or would change), named as in the JSON ({@code lastName}, {@code
 * address.city}, {@code identifiers}). The values are PHI: show them to people allowed to see the
 * patient, never log them. An SSN's values are masked to its last four digits.
 */
public record FieldChange(String field, Object before, Object after) {

  @Override
  public String toString() {
    return "FieldChange[" + field + "]";
  }
}
