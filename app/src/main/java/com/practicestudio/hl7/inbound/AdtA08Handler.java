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
 * ADT A08 (update patient information) and A31 (update person): changes only the fields the message
 * carries — an empty field leaves the stored value, {@code ""} clears it — and reports the changed
 * field names (in a dry run too). A08 also updates the FIN's encounter from PV1; A31 is about the
 * person only.
 */
@Component
@Handles({"HL7 INBOUND ADT^A08", "HL7 INBOUND ADT^A31"})
class AdtA08Handler implements ExchangeHandler {

  private final InboundHandling handling;
  private final AdtUpdates updates;
  private final AdtReadAhead readAhead;

  AdtA08Handler(InboundHandling handling, AdtUpdates updates, AdtReadAhead readAhead) {
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
    return handling.apply(
        exchange, payload, context, "ADT", in -> updates.apply(in, "A08".equals(in.trigger())));
  }
}
