package com.practicestudio.fhir;

import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import com.practicestudio.scheduling.AppointmentDraft;
import com.practicestudio.scheduling.AppointmentService;
import org.hl7.fhir.r4.model.Appointment;
import org.springframework.stereotype.Component;

/** Applies an Appointment read from Cerner: creates or updates the one with its id. */
@Component
@Handles("FHIR INBOUND Appointment")
class AppointmentInboundHandler implements ExchangeHandler {

  private final AppointmentService appointments;
  private final CernerGateway gateway;
  private final FhirMappers mappers;
  private final LocalReferences references;

  AppointmentInboundHandler(
      AppointmentService appointments,
      CernerGateway gateway,
      FhirMappers mappers,
      LocalReferences references) {
    this.appointments = appointments;
    this.gateway = gateway;
    this.mappers = mappers;
    this.references = references;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    long domainId = FhirExchanges.domainId(exchange);
    FhirEndpoint domain = gateway.endpoint(domainId).orElse(null);
    if (domain == null) {
      return Outcome.failed(FhirError.NO_DOMAIN.code(), "domain " + domainId + " is not enabled");
    }
    Appointment resource = InboundApply.parse(Appointment.class, payload);
    String externalId = resource.getIdElement().getIdPart();
    AppointmentDraft[] draft = new AppointmentDraft[1];
    return InboundApply.upsert(
        "appointment",
        context,
        () -> {
          draft[0] = mappers.scheduling(domain).toDraft(resource, domainId, references);
          return appointments.findByExternalId(externalId).map(a -> a.id());
        },
        id -> {
          if (!appointments.byId(id).status().isFinal()) {
            appointments.update(id, draft[0]);
          }
        },
        () -> appointments.create(draft[0]));
  }
}
