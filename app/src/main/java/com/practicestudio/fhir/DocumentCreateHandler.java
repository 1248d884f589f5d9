package com.practicestudio.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.practicestudio.clinical.DocumentService;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Change;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import org.hl7.fhir.r4.model.DocumentReference;
import org.springframework.stereotype.Component;

/**
 * Delivers an outbound {@code DocumentReference} row: creates it in Cerner unless it is there
 * already (see {@link IdempotentCreates}), then records the Cerner id and status on the document.
 */
@Component
@Handles("FHIR OUTBOUND DocumentReference")
class DocumentCreateHandler implements ExchangeHandler {

  private final CernerGateway gateway;
  private final IdempotentCreates creates;
  private final DocumentService documents;
  private final FhirOutboundProperties settings;
  private final FhirContext fhir = FhirContext.forR4Cached();

  DocumentCreateHandler(
      CernerGateway gateway,
      IdempotentCreates creates,
      DocumentService documents,
      FhirOutboundProperties settings) {
    this.gateway = gateway;
    this.creates = creates;
    this.documents = documents;
    this.settings = settings;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    long localId = FhirExchanges.localId(exchange);
    if (context.dryRun()) {
      context.report(Change.send("DocumentReference", "DocumentReference/" + localId));
      return Outcome.done();
    }
    DocumentReference resource =
        fhir.newJsonParser().parseResource(DocumentReference.class, payload.text());
    try {
      String id =
          creates.document(gateway.journalClient(FhirExchanges.domainId(exchange)), resource);
      documents.recordCernerStatus(localId, "delivered", id);
      return Outcome.done();
    } catch (CernerFhirException e) {
      Outcome outcome = FhirExchanges.outcome(e, settings.maxRetryAfter());
      if (outcome instanceof Outcome.Failed) {
        documents.recordCernerStatus(localId, "failed " + e.error().code(), null);
      }
      return outcome;
    }
  }
}
