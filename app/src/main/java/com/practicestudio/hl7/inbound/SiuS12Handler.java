package com.practicestudio.hl7.inbound;

import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import org.springframework.stereotype.Component;

/**
 * SIU S12 (new appointment) and S14 (modification): creates the appointment of the filler id, or
 * changes it to what the message says. A cancelled appointment is left as it is (IGNORED).
 */
@Component
@Handles({"HL7 INBOUND SIU^S12", "HL7 INBOUND SIU^S14"})
class SiuS12Handler implements ExchangeHandler {

  private final InboundHandling handling;
  private final AppointmentRecords appointments;

  SiuS12Handler(InboundHandling handling, AppointmentRecords appointments) {
    this.handling = handling;
    this.appointments = appointments;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    return handling.apply(exchange, payload, context, "SIU", in -> appointments.apply(in, false));
  }
}
