package com.practicestudio.hl7;

import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.JournalError;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;

/**
 * The least specific inbound HL7 handler ({@code HL7 INBOUND *}): every row no specific handler
 * takes ends here and is FAILED with the reason — malformed ({@code MALFORMED} rows: the parser's
 * code), refused by the filter rules ({@code HL7-050}/{@code HL7-051}), or accepted but of a type
 * Practice Studio does not apply ({@code HL7-060}). Specific handlers ({@code HL7 INBOUND ADT^*} …)
 * always win over it.
 */
@Handles("HL7 INBOUND *")
final class FallbackInboundHandler implements ExchangeHandler {

  private final Hl7InboundPipeline pipeline;

  FallbackInboundHandler(Hl7InboundPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    if (pipeline.interfaceOf(exchange).filter(i -> i.kind() == InterfaceKind.LISTENER).isEmpty()
        && !Inspection.MALFORMED.equals(exchange.messageType())) {
      // not received by one of our listeners: what the journal says of a row without a handler
      return Outcome.failed(JournalError.NO_HANDLER.code(), JournalError.NO_HANDLER.text());
    }
    pipeline.prepare(exchange, payload); // throws the parse or filter failure
    if (Inspection.MALFORMED.equals(exchange.messageType())) {
      // parsed now (e.g. after a charset override was set), but it was refused when received
      return Outcome.failed(
          Hl7InterfaceError.NO_HANDLER.code(), "received malformed; ask the sender to resend it");
    }
    return Outcome.failed(Hl7InterfaceError.NO_HANDLER.code(), Hl7InterfaceError.NO_HANDLER.text());
  }
}
