package com.practicestudio.sandbox.data;

import java.time.Instant;
import java.util.List;

/**
 * A clinical event result: a vital sign or a laboratory result.
 *
 * @param category {@code vital-signs} or {@code laboratory}
 * @param status a FHIR observation status
 * @param value the measured value, null for panels that only carry components
 * @param low reference range low, may be null
 * @param high reference range high, may be null
 * @param interpretation a v3 ObservationInterpretation code (N, H, L), may be null
 */
public record ObservationRecord(
    long observationId,
    long patientId,
    Long encounterId,
    String category,
    String status,
    Concept code,
    Quantity value,
    List<Component> components,
    Instant effective,
    Instant issued,
    Quantity low,
    Quantity high,
    String interpretation,
    int version) {

  public ObservationRecord {
    components = List.copyOf(components);
  }

  /** A component of a panel observation (e.g. systolic and diastolic blood pressure). */
  public record Component(Concept code, Quantity value) {}
}
