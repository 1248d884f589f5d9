package com.practicestudio.fhir;

import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Change;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import com.practicestudio.scheduling.Appointment;
import com.practicestudio.scheduling.AppointmentDraft;
import com.practicestudio.scheduling.AppointmentService;
import com.practicestudio.scheduling.AppointmentStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers an outbound {@code Appointment} row: books the appointment's Cerner slot (hold, then
 * create; see {@link CernerBooking}) — through Millennium's slot booking service for {@code
 * MILLENNIUM} rows (domains that enable it), through FHIR otherwise. Booked: the appointment gets
 * Cerner's id and status {@code booked}. Refused (the slot is taken): status {@code booking-failed}
 * with the reason, and the row fails with {@code FHIR-014} so that it shows in the error queue
 * (reprocessing tries again).
 */
@Component
@Handles({"FHIR OUTBOUND Appointment", "MILLENNIUM OUTBOUND Appointment"})
class AppointmentBookHandler implements ExchangeHandler {

  private final CernerGateway gateway;
  private final FhirMappers mappers;
  private final AppointmentService appointments;
  private final FhirOutboundProperties settings;
  private final JsonMapper json;

  AppointmentBookHandler(
      CernerGateway gateway,
      FhirMappers mappers,
      AppointmentService appointments,
      FhirOutboundProperties settings,
      JsonMapper json) {
    this.gateway = gateway;
    this.mappers = mappers;
    this.appointments = appointments;
    this.settings = settings;
    this.json = json;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    long appointmentId = FhirExchanges.localId(exchange);
    if (context.dryRun()) {
      context.report(Change.send("Appointment", "Appointment/" + appointmentId));
      return Outcome.done();
    }
    Appointment appointment = appointments.byId(appointmentId);
    if (appointment.status().isFinal()) {
      return Outcome.ignored("the appointment is " + appointment.status().code());
    }
    JsonNode booking = json.readTree(payload.text());
    try {
      long domainId = FhirExchanges.domainId(exchange);
      CernerFhirClient client = gateway.journalClient(domainId);
      CernerBooking cerner = new CernerBooking(mappers.scheduling(client.endpoint()));
      String slot = booking.get("slotId").asString();
      String patient = booking.get("patient").asString();
      String comment =
          booking.path("comment").isString() ? booking.get("comment").asString() : null;
      BookingResult result =
          exchange.channel() == Channel.MILLENNIUM
              ? cerner.book(
                  client,
                  slot,
                  patient,
                  comment,
                  (body, slotId) -> gateway.millennium(domainId).bookSlot(slotId, body),
                  false)
              : cerner.book(client, slot, patient, comment);
      if (result.booked()) {
        appointments.update(appointmentId, booked(appointment, result.appointmentId()));
        return Outcome.done();
      }
      appointments.update(
          appointmentId,
          appointment
              .toDraft()
              .withStatus(AppointmentStatus.BOOKING_FAILED.code(), truncate(result.reason())));
      return Outcome.failed(FhirError.CONFLICT.code(), "Cerner refused the booking");
    } catch (CernerFhirException e) {
      return FhirExchanges.outcome(e, settings.maxRetryAfter());
    }
  }

  private static AppointmentDraft booked(Appointment a, String cernerId) {
    AppointmentDraft d = a.toDraft();
    return new AppointmentDraft(
        cernerId,
        d.patientId(),
        d.providerId(),
        d.locationId(),
        d.appointmentType(),
        AppointmentStatus.BOOKED.code(),
        null,
        d.startTime(),
        d.endTime(),
        null,
        d.reason(),
        d.notes(),
        d.cernerDomainId(),
        d.slotId(),
        null);
  }

  private static String truncate(String reason) {
    return reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
  }
}
