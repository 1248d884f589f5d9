package com.practicestudio.clinical;

import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.Page;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/documents}: metadata under {@code /{id}}, the content (PHI_READ, audited) under
 * {@code /{id}/content}, served as a download that browsers do not run.
 */
@RestController
@RequestMapping("/api/v1/documents")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class DocumentsApiController {

  private static final String VIA = "api:documents";

  private final DocumentService documents;
  private final ClinicalPhiAudit phi;
  private final AuditLog audit;

  DocumentsApiController(DocumentService documents, ClinicalPhiAudit phi, AuditLog audit) {
    this.documents = documents;
    this.phi = phi;
    this.audit = audit;
  }

  @GetMapping
  Page<ClinicalDocument> search(
      @RequestParam(required = false) Long patientId,
      @RequestParam(required = false) Long encounterId,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String externalId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    Page<ClinicalDocument> page =
        documents.search(
            new DocumentQuery(patientId, encounterId, type, status, externalId, from, to),
            Page.limit(limit),
            cursor);
    phi.read(page.items(), ClinicalDocument::patientId, VIA);
    return page;
  }

  @GetMapping("/{id}")
  ClinicalDocument get(@PathVariable long id) {
    ClinicalDocument document = documents.byId(id);
    phi.read(document.patientId(), VIA);
    return document;
  }

  @GetMapping("/{id}/content")
  @PreAuthorize("hasAuthority('RECORDS_READ') and hasAuthority('PHI_READ')")
  ResponseEntity<byte[]> content(@PathVariable long id) {
    DocumentContent content = documents.content(id);
    audit.record(
        AuditAction.PHI_READ,
        "patient",
        documents.byId(id).patientId(),
        Map.of("via", VIA + "/content", "documentId", id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.contentType()))
        .contentLength(content.bytes().length)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("document-" + id).build().toString())
        .header("Content-Security-Policy", "sandbox")
        .body(content.bytes());
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<ClinicalDocument> create(@RequestBody DocumentDraft body) {
    ClinicalDocument created = documents.create(body);
    return ResponseEntity.created(URI.create("/api/v1/documents/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ClinicalDocument replace(@PathVariable long id, @RequestBody DocumentDraft body) {
    return documents.update(id, body);
  }
}
