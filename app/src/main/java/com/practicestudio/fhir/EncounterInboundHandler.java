package com.practicestudio.fhir;

import com.practicestudio.clinical.EncounterDraft;
import com.practicestudio.clinical.EncounterService;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import java.util.Optional;
import org.hl7.fhir.r4.model.Encounter;
import org.springframework.stereotype.Component;

/** Applies an Encounter read from Cerner: by its id, else by its FIN; creates it otherwise. */
@Component
@Handles("FHIR INBOUND Encounter")
class EncounterInboundHandler implements ExchangeHandler {

  private final EncounterService encounters;
  private final LocalReferences references;
  private final CernerGateway gateway;
  private final FhirMappers mappers;

  EncounterInboundHandler(
      EncounterService encounters,
      LocalReferences references,
      CernerGateway gateway,
      FhirMappers mappers) {
    this.encounters = encounters;
    this.references = references;
    this.gateway = gateway;
    this.mappers = mappers;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    Encounter resource = InboundApply.parse(Encounter.class, payload);
    EncounterMapper mapper = mappers.encounters(codeMapScope(exchange));
    EncounterDraft[] draft = new EncounterDraft[1];
    return InboundApply.upsert(
        "encounter",
        context,
        () -> {
          draft[0] = mapper.toDraft(resource, references);
          return existing(draft[0]);
        },
        id -> encounters.update(id, draft[0]),
        () -> encounters.create(draft[0]));
  }

  /**
   * The code maps of the row's domain name the FIN's pool. A row whose domain is since disabled is
   * applied all the same, with the default maps.
   */
  private String codeMapScope(Exchange exchange) {
    return gateway
        .endpoint(FhirExchanges.domainId(exchange))
        .map(FhirEndpoint::codeMapScope)
        .orElse(null);
  }

  private Optional<Long> existing(EncounterDraft draft) {
    Optional<Long> byId = references.encounter(draft.externalId());
    if (byId.isPresent() || draft.fin() == null) {
      return byId;
    }
    return encounters.findByFin(draft.finAssigningAuthority(), draft.fin()).map(e -> e.id());
  }
}
