package com.practicestudio.hl7.inbound;

import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import org.springframework.stereotype.Component;

/**
 * SIU S15 (cancellation): cancels the appointment of the filler id, with SCH-6 as the reason. An
 * appointment we never received is recorded as cancelled, so that a late S12 cannot book it.
 */
@Component
@Handles("HL7 INBOUND SIU^S15")
class SiuS15Handler implements ExchangeHandler {

  private final InboundHandling handling;
  private final AppointmentRecords appointments;

  SiuS15Handler(InboundHandling handling, AppointmentRecords appointments) {
    this.handling = handling;
    this.appointments = appointments;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    return handling.apply(exchange, payload, context, "SIU", in -> appointments.apply(in, true));
  }
}
