package com.practicestudio.hl7.inbound;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.codemaps.CodeMaps;
import com.practicestudio.db.TransactionMemo;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeFailure;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import com.practicestudio.scheduling.AppointmentService;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.InvalidRequestException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What every inbound HL7 handler does around its own mapping: read the message through the {@link
 * MessageReader} seam, check it is the type the row was routed as, give the mapping its {@link
 * Inbound} context, and turn refusals into coded, PHI-free failures. Handlers run inside the
 * journal's status transaction, so a failure rolls back everything the message wrote.
 */
@Component
class InboundHandling {

  /** One handler's mapping. */
  @FunctionalInterface
  interface Body {
    Outcome apply(Inbound in);
  }

  private final MessageReader reader;
  private final CodeMaps codeMaps;
  private final AppointmentService appointments;
  private final Hl7HandlersProperties settings;

  InboundHandling(
      MessageReader reader,
      CodeMaps codeMaps,
      AppointmentService appointments,
      Hl7HandlersProperties settings) {
    this.reader = reader;
    this.codeMaps = codeMaps;
    this.appointments = appointments;
    this.settings = settings;
  }

  /**
   * Applies one row.
   *
   * @param messageCode the MSH-9.1 the row must carry ({@code ADT})
   */
  Outcome apply(
      Exchange exchange, Payload payload, ApplyContext context, String messageCode, Body body) {
    Hl7Message message = TransactionMemo.take(new ReadMessage(exchange.id()));
    try {
      if (message == null) {
        message = reader.read(exchange, payload);
      }
    } catch (Hl7ParseException e) {
      return failed(
          Hl7HandlerError.UNREADABLE_MESSAGE,
          "the message cannot be parsed (" + e.code() + " " + e.error().description() + ")");
    } catch (ExchangeFailure refused) {
      return refused.toOutcome(); // the interface pipeline's parse, filter or transform refusal
    }
    if (!messageCode.equals(message.messageType().strip())) {
      return failed(Hl7HandlerError.WRONG_MESSAGE_TYPE, "MSH-9.1 is not " + messageCode);
    }
    Inbound in =
        new Inbound(
            message,
            exchange,
            context,
            // a dry run changes nothing, so it reports no misses either (the apply will)
            codes(exchange, !context.dryRun()),
            new MessageTimes(
                message,
                settings.facilityTimeZones(),
                appointments.defaultZone(),
                appointments::zoneOfKnown));
    try {
      return body.apply(in);
    } catch (ExchangeFailure f) {
      return f.toOutcome();
    } catch (InvalidRequestException e) {
      return RefusedValues.failure(e, Map.of()).toOutcome();
    } catch (ConflictException e) {
      return failed(Hl7HandlerError.RECORD_CONFLICT, e.getMessage());
    }
  }

  /**
   * Reads the row's message for a {@link com.practicestudio.journal.ReadAhead}, which then hands it
   * to the row's {@link #apply} in the same transaction instead of its being read twice.
   *
   * @throws RuntimeException when it cannot be read (the row's own apply then says why)
   */
  Hl7Message readAhead(Exchange exchange, Payload payload) {
    Hl7Message message = reader.read(exchange, payload);
    TransactionMemo.readAhead(new ReadMessage(exchange.id()), message);
    return message;
  }

  /**
   * The code maps of the interface the row came in on (its endpoint), else the default ones; a code
   * nothing maps is reported with the row's id.
   */
  CodeTranslator codes(Exchange exchange) {
    return codes(exchange, true);
  }

  private CodeTranslator codes(Exchange exchange, boolean reportMisses) {
    String scope = exchange.endpoint();
    return new CodeTranslator() {
      @Override
      public Optional<String> translate(CodeMapKind kind, String system, String code) {
        return codeMaps.translate(kind, scope, system, code);
      }

      @Override
      public void unmapped(CodeMapKind kind, String system, String code) {
        if (reportMisses) {
          codeMaps.unmapped(kind, scope, system, code, exchange.id());
        }
      }
    };
  }

  /** The memo key of a row's message read ahead. */
  private record ReadMessage(long exchangeId) {}

  private static Outcome failed(Hl7HandlerError error, String text) {
    return Outcome.failed(error.code(), text);
  }
}
