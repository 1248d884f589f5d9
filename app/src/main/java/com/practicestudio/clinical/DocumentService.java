package com.practicestudio.clinical;

import com.practicestudio.clinical.DocumentRepository.SealedContent;
import com.practicestudio.patients.RecordReferences;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.FieldChecks;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinical documents. Content is sealed with {@link Crypto} (context {@value #CONTEXT}) and never
 * part of the metadata; {@link #content} opens it. Creating publishes {@link DocumentCreated} in
 * the transaction.
 */
@Service
public class DocumentService {

  static final String CONTEXT = "clinical_document.content";

  /** FHIR DocumentReference status values. */
  public static final List<String> STATUSES = List.of("current", "superseded", "entered-in-error");

  private final DocumentRepository documents;
  private final RecordReferences references;
  private final ClinicalProperties settings;
  private final Crypto crypto;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  private final Clock clock;

  DocumentService(
      DocumentRepository documents,
      RecordReferences references,
      ClinicalProperties settings,
      Crypto crypto,
      ApplicationEventPublisher events,
      AuditLog audit,
      Clock clock) {
    this.documents = documents;
    this.references = references;
    this.settings = settings;
    this.crypto = crypto;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public ClinicalDocument create(DocumentDraft draft) {
    FieldChecks checks = new FieldChecks();
    DocumentDraft checked = check(checks, draft, Boolean.TRUE.equals(draft.sendToCerner()));
    SealedContent content = content(checks, draft);
    checks.throwIfAny();
    long id = documents.insert(checked, content, clock.instant());
    ClinicalDocument created = byId(id);
    audit.record(
        AuditAction.RECORD_CREATE,
        "clinical_document",
        id,
        Map.of("patientId", created.patientId(), "sendToCerner", created.sendToCerner()));
    events.publishEvent(new DocumentCreated(created));
    return created;
  }

  /**
   * Replaces the metadata; replaces the content too when the draft has some (then with its {@code
   * contentType}). Without content, a different {@code contentType} is refused.
   */
  @Transactional
  public ClinicalDocument update(long id, DocumentDraft draft) {
    ClinicalDocument current = byId(id);
    if (draft.version() != null && draft.version() != current.version()) {
      throw new ConflictException(
          "document " + id + " is at version " + current.version() + ", not " + draft.version());
    }
    FieldChecks checks = new FieldChecks();
    DocumentDraft checked = check(checks, draft, current.sendToCerner());
    SealedContent content = null;
    if (draft.content() != null) {
      content = content(checks, draft);
    } else if (draft.contentType() != null) {
      String type = DocumentContentReader.contentType(checks, draft.contentType());
      checks.check(
          type == null || type.equals(current.contentType()),
          "contentType",
          "cannot change without new content");
    }
    checks.throwIfAny();
    if (!documents.update(id, checked, content, current.version(), clock.instant())) {
      throw new ConflictException("document " + id + " changed meanwhile");
    }
    audit.record(
        AuditAction.RECORD_UPDATE,
        "clinical_document",
        id,
        Map.of("patientId", checked.patientId(), "contentReplaced", content != null));
    return byId(id);
  }

  /** For the Cerner FHIR feature: how the write went, and the Cerner id once known. */
  @Transactional
  public void recordCernerStatus(long id, String cernerStatus, String externalId) {
    if (!documents.recordCernerStatus(id, cernerStatus, externalId, clock.instant())) {
      throw new NotFoundException("document", id);
    }
  }

  public ClinicalDocument byId(long id) {
    return documents.find(id).orElseThrow(() -> new NotFoundException("document", id));
  }

  /**
   * The content, opened and checked against its SHA-256. Not audited here: callers showing it to a
   * person audit the PHI read.
   */
  public DocumentContent content(long id) {
    ClinicalDocument document = byId(id);
    byte[] sealed =
        documents.sealedContent(id).orElseThrow(() -> new NotFoundException("document", id));
    byte[] bytes = crypto.open(sealed, CONTEXT);
    if (!DocumentContentReader.sha256(bytes).equals(document.sha256())) {
      throw new IllegalStateException("document " + id + " content does not match its SHA-256");
    }
    return new DocumentContent(id, document.contentType(), bytes);
  }

  /** By id, ascending. */
  public Page<ClinicalDocument> search(DocumentQuery query, int limit, String cursor) {
    FieldChecks checks = new FieldChecks();
    checks.oneOf("status", query.status(), STATUSES);
    if (query.from() != null && query.to() != null) {
      checks.check(query.to().isAfter(query.from()), "to", "must be after from");
    }
    checks.throwIfAny();
    return Cursor.page(
        documents.search(query, cursor, limit + 1), limit, d -> Long.toString(d.id()));
  }

  private SealedContent content(FieldChecks checks, DocumentDraft draft) {
    String type = DocumentContentReader.contentType(checks, draft.contentType());
    byte[] bytes =
        DocumentContentReader.decode(checks, draft.content(), settings.maxDocumentSize().toBytes());
    if (type == null || bytes == null) {
      return null;
    }
    return new SealedContent(
        type, crypto.seal(bytes, CONTEXT), bytes.length, DocumentContentReader.sha256(bytes));
  }

  private DocumentDraft check(FieldChecks checks, DocumentDraft d, boolean toCerner) {
    checks.required("patientId", d.patientId());
    references.patient(checks, "patientId", d.patientId());
    references.ownedBy(checks, "encounterId", "encounter", d.encounterId(), d.patientId());
    references.provider(checks, "authorId", d.authorId());
    DocumentType type = d.type() == null ? new DocumentType(null, null) : d.type();
    String code = checks.requiredText("type.code", type.code(), 20);
    if (code != null && !Loinc.isValid(code)) {
      checks.problem("type.code", "is not a valid LOINC code (number-check digit)");
    }
    String status = checks.oneOf("status", d.status(), STATUSES);
    status = status == null ? "current" : status;
    checks.check(
        !toCerner || status.equals("current"), "status", "must be current to send to Cerner");
    return new DocumentDraft(
        checks.text("externalId", d.externalId(), 200),
        d.patientId(),
        d.encounterId(),
        new DocumentType(code, checks.text("type.display", type.display(), 500)),
        checks.text("title", d.title(), 500),
        status,
        d.authorId(),
        d.createdTime() == null ? clock.instant() : d.createdTime(),
        null,
        null,
        d.sendToCerner(),
        null);
  }
}
