package com.practicestudio.clinical;

import java.time.Instant;

/**
 * A clinical document's metadata; the content is read separately ({@link
 * DocumentService#content(long)}), being PHI sealed at rest.
 *
 * @param status FHIR DocumentReference status: current, superseded, entered-in-error
 * @param createdTime when the document was written
 * @param sizeBytes size of the content
 * @param sha256 hex SHA-256 of the content
 * @param cernerStatus how the write to Cerner went, as the Cerner FHIR feature reports it
 */
public record ClinicalDocument(
    long id,
    String externalId,
    long patientId,
    Long encounterId,
    DocumentType type,
    String title,
    String status,
    Long authorId,
    Instant createdTime,
    String contentType,
    long sizeBytes,
    String sha256,
    boolean sendToCerner,
    String cernerStatus,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
