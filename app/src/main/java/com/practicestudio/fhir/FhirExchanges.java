package com.practicestudio.fhir;

import com.practicestudio.journal.Channel;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.OutboundMessage;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import java.time.Duration;

/**
 * How the FHIR feature's journal rows are named: type = the resource ({@code Observation}), message
 * id = the local record ({@code Observation/12}), endpoint = the Cerner domain ({@code
 * cerner-domain/1}), correlation key = the patient, so a patient's writes go out in order.
 */
final class FhirExchanges {

  static final String SENDER = "practice-studio";
  static final String FHIR_JSON = "application/fhir+json";
  static final String JSON = "application/json";

  private FhirExchanges() {}

  static OutboundMessage outbound(
      String type, long localId, long domainId, long patientId, Payload payload) {
    return outbound(Channel.FHIR, type, localId, domainId, patientId, payload);
  }

  static OutboundMessage outbound(
      Channel channel, String type, long localId, long domainId, long patientId, Payload payload) {
    return new OutboundMessage(
        channel,
        type,
        SENDER,
        type + "/" + localId,
        "patient/" + patientId,
        "cerner-domain/" + domainId,
        null,
        payload);
  }

  static long localId(Exchange exchange) {
    String id = exchange.messageId();
    return Long.parseLong(id.substring(id.indexOf('/') + 1));
  }

  static long domainId(Exchange exchange) {
    String endpoint = exchange.endpoint();
    return Long.parseLong(endpoint.substring(endpoint.indexOf('/') + 1));
  }

  /** A failed call as the journal's outcome: retry (after Retry-After, capped) or fail. */
  static Outcome outcome(CernerFhirException e, Duration maxRetryAfter) {
    String text = e.getMessage().substring(e.error().code().length() + 1);
    if (!e.retryable()) {
      return Outcome.failed(e.error().code(), text);
    }
    Duration wait = e.retryAfter() == null ? Duration.ZERO : e.retryAfter();
    if (wait.compareTo(maxRetryAfter) > 0) {
      wait = maxRetryAfter;
    }
    return Outcome.retryAfter(e.error().code(), text, wait);
  }
}
