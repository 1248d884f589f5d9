package com.practicestudio.sandbox.data;

import java.time.Instant;

/**
 * A clinical document with its content (the Binary the DocumentReference points at).
 *
 * @param type a LOINC document type
 * @param status a FHIR document-reference status (current)
 */
public record DocumentRecord(
    long documentId,
    long patientId,
    Long encounterId,
    Long authorId,
    Concept type,
    String title,
    String status,
    String contentType,
    byte[] content,
    Instant created,
    int version) {

  /** The Binary id of the content, as Cerner names it. */
  public String binaryId() {
    return "XR-" + documentId;
  }
}
