package com.practicestudio.fhir;

import com.practicestudio.clinical.DocumentDraft;
import com.practicestudio.clinical.DocumentQuery;
import com.practicestudio.clinical.DocumentService;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import java.util.Optional;
import org.hl7.fhir.r4.model.DocumentReference;
import org.springframework.stereotype.Component;

/**
 * Applies a DocumentReference read from Cerner (its content inlined from the Binary when it was
 * recorded): creates or updates the document with its id.
 */
@Component
@Handles("FHIR INBOUND DocumentReference")
class DocumentInboundHandler implements ExchangeHandler {

  private final DocumentService documents;
  private final DocumentMapper mapper;
  private final LocalReferences references;

  DocumentInboundHandler(
      DocumentService documents, DocumentMapper mapper, LocalReferences references) {
    this.documents = documents;
    this.mapper = mapper;
    this.references = references;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    DocumentReference resource = InboundApply.parse(DocumentReference.class, payload);
    String externalId = resource.getIdElement().getIdPart();
    DocumentDraft[] draft = new DocumentDraft[1];
    return InboundApply.upsert(
        "clinical_document",
        context,
        () -> {
          draft[0] = mapper.toDraft(resource, null, references);
          return existing(externalId);
        },
        id -> documents.update(id, draft[0]),
        () -> documents.create(draft[0]));
  }

  private Optional<Long> existing(String externalId) {
    return documents
        .search(new DocumentQuery(null, null, null, null, externalId, null, null), 1, null)
        .items()
        .stream()
        .findFirst()
        .map(d -> d.id());
  }
}
