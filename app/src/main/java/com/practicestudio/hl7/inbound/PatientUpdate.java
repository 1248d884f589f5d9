package com.practicestudio.hl7.inbound;

import com.practicestudio.patients.PatientIdentifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one PID segment says about a patient: the fields it gives, the fields it clears ({@code ""},
 * named as in the patient JSON) and the identifiers that find the patient.
 *
 * @param mrn the medical record number chosen from PID-3, null when PID-3 has none (the patient is
 *     then found by its other identifiers)
 * @param mrnAuthority the MRN's assigning authority (CX-4), null when not sent
 */
record PatientUpdate(PatientFields fields, Set<String> clear, String mrn, String mrnAuthority) {

  List<PatientIdentifier> identifiers() {
    return fields.identifiers;
  }

  /**
   * The identifiers as text, stable across merges (the values as sent, not record ids): part of the
   * business keys of results and charges that have no identifier of their own.
   */
  String keyText() {
    if (mrn != null) {
      return "MR|" + (mrnAuthority == null ? "" : mrnAuthority) + "|" + mrn;
    }
    return identifiers().stream()
        .map(
            i ->
                i.type()
                    + "|"
                    + (i.assigningAuthority() == null ? "" : i.assigningAuthority())
                    + "|"
                    + i.value())
        .sorted()
        .collect(Collectors.joining(","));
  }

  @Override
  public String toString() {
    return "PatientUpdate[clear=" + clear + "]";
  }
}
