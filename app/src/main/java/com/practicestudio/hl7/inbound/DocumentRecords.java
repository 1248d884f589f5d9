package com.practicestudio.hl7.inbound;

import com.practicestudio.clinical.ClinicalDocument;
import com.practicestudio.clinical.DocumentDraft;
import com.practicestudio.clinical.DocumentQuery;
import com.practicestudio.clinical.DocumentService;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Clinical documents from MDM (TXA + OBX) and from ED results in ORU messages, found again by their
 * external id (TXA-12, the unique document number) or, without one, by their business key. The
 * content is replaced only when it differs (by SHA-256).
 */
@Component
class DocumentRecords {

  static final String KIND = "document";

  private final DocumentService documents;
  private final RecordKeys keys;

  DocumentRecords(DocumentService documents, RecordKeys keys) {
    this.documents = documents;
    this.keys = keys;
  }

  /**
   * Creates or updates the document.
   *
   * @param key the business key when {@code draft.externalId()} is null
   * @param fields how to name the draft's fields in a failure ({@code type.code} → {@code TXA-2})
   */
  void upsert(
      Inbound in, DocumentDraft draft, String key, EdContent content, Map<String, String> fields) {
    Optional<ClinicalDocument> existing =
        draft.externalId() != null ? byExternalId(draft.externalId()) : byKey(key);
    if (existing.isPresent() && existing.get().patientId() != draft.patientId()) {
      throw Hl7HandlerError.PATIENT_CONFLICT.failure(
          RefusedValues.hl7Field("externalId", fields) + " names a document of another patient");
    }
    try {
      if (existing.isEmpty()) {
        ClinicalDocument created = documents.create(with(draft, content));
        if (draft.externalId() == null) {
          keys.remember(KIND, key, created.id());
        }
        in.created(KIND, created.id(), changed(null, draft, content));
        return;
      }
      ClinicalDocument current = existing.get();
      List<String> changed = changed(current, draft, content);
      if (!changed.isEmpty()) {
        boolean newContent = changed.contains("content");
        documents.update(current.id(), newContent ? with(draft, content) : draft);
        in.updated(KIND, current.id(), changed);
      }
    } catch (InvalidRequestException e) {
      boolean content1 =
          e.problems().stream().map(FieldProblem::field).anyMatch(f -> f.startsWith("content"));
      throw RefusedValues.failure(
          content1 ? Hl7HandlerError.BAD_CONTENT : Hl7HandlerError.REFUSED_VALUE, e, fields);
    }
  }

  private Optional<ClinicalDocument> byExternalId(String externalId) {
    return documents
        .search(new DocumentQuery(null, null, null, null, externalId, null, null), 1, null)
        .items()
        .stream()
        .findFirst();
  }

  private Optional<ClinicalDocument> byKey(String key) {
    return keys.find(KIND, key)
        .flatMap(
            id -> {
              try {
                return Optional.of(documents.byId(id));
              } catch (NotFoundException e) {
                return Optional.empty();
              }
            });
  }

  private static DocumentDraft with(DocumentDraft d, EdContent content) {
    return new DocumentDraft(
        d.externalId(),
        d.patientId(),
        d.encounterId(),
        d.type(),
        d.title(),
        d.status(),
        d.authorId(),
        d.createdTime(),
        content.contentType(),
        content.base64(),
        false,
        null);
  }

  private static List<String> changed(ClinicalDocument c, DocumentDraft d, EdContent content) {
    List<String> f = new ArrayList<>();
    EncounterRecords.diff(f, "encounterId", c == null ? null : c.encounterId(), d.encounterId());
    EncounterRecords.diff(f, "type", c == null ? null : c.type(), d.type());
    EncounterRecords.diff(f, "title", c == null ? null : c.title(), d.title());
    EncounterRecords.diff(f, "status", c == null ? null : c.status(), d.status());
    EncounterRecords.diff(f, "authorId", c == null ? null : c.authorId(), d.authorId());
    EncounterRecords.diff(f, "createdTime", c == null ? null : c.createdTime(), d.createdTime());
    EncounterRecords.diff(f, "content", c == null ? null : c.sha256(), content.sha256());
    return f;
  }
}
