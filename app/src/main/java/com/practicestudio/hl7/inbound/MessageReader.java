package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.Payload;

/**
 * Turns a journal row's payload into the message the handlers apply. Today it parses the stored
 * bytes; once the interface pipeline (filter and transformation rules per listener) is on main it
 * gives the rule-transformed message instead — a one-line change in {@link Hl7HandlersConfig}.
 *
 * @throws com.practicestudio.hl7v2.Hl7ParseException when the payload is not an HL7 v2 message
 * @throws com.practicestudio.journal.ExchangeFailure when the pipeline refuses it (its own codes)
 */
@FunctionalInterface
interface MessageReader {

  Hl7Message read(Exchange exchange, Payload payload);
}
