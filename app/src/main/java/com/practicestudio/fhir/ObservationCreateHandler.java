package com.practicestudio.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.practicestudio.clinical.ObservationService;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Change;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * Delivers an outbound {@code Observation} row: creates it in Cerner unless it is there already
 * (see {@link IdempotentCreates}), then records the Cerner id and status on the observation.
 */
@Component
@Handles("FHIR OUTBOUND Observation")
class ObservationCreateHandler implements ExchangeHandler {

  private final CernerGateway gateway;
  private final IdempotentCreates creates;
  private final ObservationService observations;
  private final FhirOutboundProperties settings;
  private final FhirContext fhir = FhirContext.forR4Cached();

  ObservationCreateHandler(
      CernerGateway gateway,
      IdempotentCreates creates,
      ObservationService observations,
      FhirOutboundProperties settings) {
    this.gateway = gateway;
    this.creates = creates;
    this.observations = observations;
    this.settings = settings;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    long localId = FhirExchanges.localId(exchange);
    if (context.dryRun()) {
      context.report(Change.send("Observation", "Observation/" + localId));
      return Outcome.done();
    }
    Observation resource = fhir.newJsonParser().parseResource(Observation.class, payload.text());
    try {
      String id =
          creates.observation(gateway.journalClient(FhirExchanges.domainId(exchange)), resource);
      observations.recordCernerStatus(localId, "delivered", id);
      return Outcome.done();
    } catch (CernerFhirException e) {
      Outcome outcome = FhirExchanges.outcome(e, settings.maxRetryAfter());
      if (outcome instanceof Outcome.Failed) {
        observations.recordCernerStatus(localId, "failed " + e.error().code(), null);
      }
      return outcome;
    }
  }
}
