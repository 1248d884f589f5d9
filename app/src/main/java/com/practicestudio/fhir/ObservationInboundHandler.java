package com.practicestudio.fhir;

import com.practicestudio.clinical.ObservationDraft;
import com.practicestudio.clinical.ObservationQuery;
import com.practicestudio.clinical.ObservationService;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/** Applies an Observation read from Cerner: creates or updates the one with its id. */
@Component
@Handles("FHIR INBOUND Observation")
class ObservationInboundHandler implements ExchangeHandler {

  private final ObservationService observations;
  private final ObservationMapper mapper;
  private final LocalReferences references;

  ObservationInboundHandler(
      ObservationService observations, ObservationMapper mapper, LocalReferences references) {
    this.observations = observations;
    this.mapper = mapper;
    this.references = references;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    Observation resource = InboundApply.parse(Observation.class, payload);
    String externalId = resource.getIdElement().getIdPart();
    ObservationDraft[] draft = new ObservationDraft[1];
    return InboundApply.upsert(
        "observation",
        context,
        () -> {
          draft[0] = mapper.toDraft(resource, references);
          return existing(externalId);
        },
        id -> observations.update(id, draft[0]),
        () -> observations.create(draft[0]));
  }

  private Optional<Long> existing(String externalId) {
    return observations
        .search(new ObservationQuery(null, null, null, null, null, externalId, null, null), 1, null)
        .items()
        .stream()
        .findFirst()
        .map(o -> o.id());
  }
}
