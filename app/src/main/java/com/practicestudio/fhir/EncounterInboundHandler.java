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
  private final EncounterMapper mapper = new EncounterMapper();

  EncounterInboundHandler(EncounterService encounters, LocalReferences references) {
    this.encounters = encounters;
    this.references = references;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    Encounter resource = InboundApply.parse(Encounter.class, payload);
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

  private Optional<Long> existing(EncounterDraft draft) {
    Optional<Long> byId = references.encounter(draft.externalId());
    if (byId.isPresent() || draft.fin() == null) {
      return byId;
    }
    return encounters.findByFin(draft.finAssigningAuthority(), draft.fin()).map(e -> e.id());
  }
}
