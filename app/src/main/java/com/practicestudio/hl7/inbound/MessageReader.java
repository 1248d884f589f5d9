package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.Payload;

/**
 * Turns a journal row's payload into the message the handlers apply: the interface pipeline's
 * prepared message (see {@link Hl7HandlersConfig}); tests may read the stored bytes directly.
 *
 * @throws com.practicestudio.hl7v2.Hl7ParseException when the payload is not an HL7 v2 message
 * @throws com.practicestudio.journal.ExchangeFailure when the pipeline refuses it (its own codes)
 */
@FunctionalInterface
interface MessageReader {

  Hl7Message read(Exchange exchange, Payload payload);
}
