package com.practicestudio.clinical;

import java.time.Instant;

/**
 * What a caller writes to create or change a document (the JSON body of {@code POST}/{@code PUT
 * /api/v1/documents}). {@code content} is base64; it is required on create and optional on a change
 * (absent keeps the current content and content type). {@code createdTime} defaults to now, {@code
 * status} to {@code current}; {@code sendToCerner} counts on create only.
 */
public record DocumentDraft(
    String externalId,
    Long patientId,
    Long encounterId,
    DocumentType type,
    String title,
    String status,
    Long authorId,
    Instant createdTime,
    String contentType,
    String content,
    Boolean sendToCerner,
    Integer version) {}
