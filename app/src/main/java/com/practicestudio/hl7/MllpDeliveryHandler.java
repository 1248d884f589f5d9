package com.practicestudio.hl7;

import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Change;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import com.practicestudio.mllp.Ack;
import com.practicestudio.mllp.MllpError;
import com.practicestudio.mllp.MllpException;
import com.practicestudio.mllp.MllpSender;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers outbound HL7 rows (SIU, application ACKs) through the sender interface the row names
 * ({@code endpoint}) and checks the answer: MSA-1 AA or CA and MSA-2 = our MSH-10 is delivered; a
 * NAK (AE/AR/CE/CR), a timeout, a broken connection or an answer for another message is tried again
 * after the sender's backoff, and after its last attempt the row is FAILED in the error queue.
 * Delivery is idempotent by control id: a row sent twice (crash after sending) carries the same
 * MSH-10, which the receiver answers as a duplicate.
 */
@Handles({"HL7 OUTBOUND SIU^*", "HL7 OUTBOUND ACK*"})
final class MllpDeliveryHandler implements ExchangeHandler {

  private static final Set<MllpError> BAD_ANSWERS =
      EnumSet.of(
          MllpError.ACK_WITHOUT_MSH,
          MllpError.ACK_WITHOUT_MSA,
          MllpError.ACK_CODE_UNKNOWN,
          MllpError.ACK_CONTROL_ID_MISMATCH,
          MllpError.ANSWER_MALFORMED,
          MllpError.ANSWER_TOO_LARGE);

  private final InterfaceRegistry registry;
  private final Hl7Metrics metrics;

  MllpDeliveryHandler(InterfaceRegistry registry, Hl7Metrics metrics) {
    this.registry = registry;
    this.metrics = metrics;
  }

  @Override
  public Outcome apply(Exchange e, Payload payload, ApplyContext context) {
    if (e.endpoint() == null) {
      return Outcome.failed(
          Hl7InterfaceError.SENDER_UNAVAILABLE.code(), "the row names no sender interface");
    }
    Optional<Hl7Interface> itf =
        registry.config().byName(e.endpoint()).filter(i -> i.kind() == InterfaceKind.SENDER);
    if (itf.isEmpty() || !itf.get().enabled()) {
      return Outcome.retry(
          Hl7InterfaceError.SENDER_UNAVAILABLE.code(), Hl7InterfaceError.SENDER_UNAVAILABLE.text());
    }
    if (context.dryRun()) {
      context.report(Change.send("HL7 message", e.messageId()));
      return Outcome.done();
    }
    RetrySettings retry = itf.get().sender().retry();
    MllpSender sender;
    try {
      sender = registry.sender(itf.get());
    } catch (ListenerStarter.StartFailure f) {
      return again(context, retry, f.error(), f.getMessage(), itf.get());
    }
    try {
      Ack ack = sender.sendAndCheck(payload.bytes(), e.messageId());
      if (ack.accepted()) {
        metrics.delivered(itf.get().name(), "accepted");
        return Outcome.done();
      }
      return again(
          context, retry, Hl7InterfaceError.NAK_RECEIVED, "MSA-1 " + ack.code(), itf.get());
    } catch (MllpException ex) {
      Hl7InterfaceError error =
          BAD_ANSWERS.contains(ex.error())
              ? Hl7InterfaceError.ACK_INVALID
              : Hl7InterfaceError.DELIVERY_FAILED;
      return again(
          context, retry, error, ex.error().code() + " " + ex.error().description(), itf.get());
    }
  }

  private Outcome again(
      ApplyContext context,
      RetrySettings retry,
      Hl7InterfaceError error,
      String detail,
      Hl7Interface itf) {
    metrics.delivered(itf.name(), error.code());
    String text = error.text() + " (" + detail + ")";
    if (context.attempt() >= retry.maxAttempts()) {
      return Outcome.failed(error.code(), text + "; after " + context.attempt() + " attempt(s)");
    }
    return Outcome.retryAfter(
        error.code(),
        text,
        retry.policy().backoff(context.attempt(), ThreadLocalRandom.current().nextDouble()));
  }
}
