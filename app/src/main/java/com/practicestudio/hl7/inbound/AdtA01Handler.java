package com.practicestudio.hl7.inbound;

import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import com.practicestudio.journal.ReadAhead;
import org.springframework.stereotype.Component;

/**
 * ADT A01 (admit) and A04 (register): creates or updates the patient (PID, coverages from IN1) and
 * the encounter of the FIN in PID-18 (PV1). Replaying the message changes nothing.
 */
@Component
@Handles({"HL7 INBOUND ADT^A01", "HL7 INBOUND ADT^A04"})
class AdtA01Handler implements ExchangeHandler {

  private final InboundHandling handling;
  private final AdtUpdates updates;
  private final AdtReadAhead readAhead;

  AdtA01Handler(InboundHandling handling, AdtUpdates updates, AdtReadAhead readAhead) {
    this.handling = handling;
    this.updates = updates;
    this.readAhead = readAhead;
  }

  /** A01, A04, A08 and A31 read ahead together. */
  @Override
  public ReadAhead readAhead() {
    return readAhead;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    return handling.apply(exchange, payload, context, "ADT", in -> updates.apply(in, true));
  }
}
